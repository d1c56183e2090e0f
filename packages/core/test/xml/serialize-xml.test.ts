import { parseEventXmlWithSaxes, serializeXmlChildren, serializeXmlElement } from '../../src/xml';

describe('serializeXmlElement', () => {
  it.each([
    ['empty element', { name: 'A', attributes: [], children: [] }, '<A/>'],
    ['text escapes', { name: 'A', attributes: [], children: ['a&b<c>d\re'] }, '<A>a&amp;b&lt;c&gt;d&#13;e</A>'],
    [
      'attribute escapes',
      { name: 'A', attributes: [{ name: 'v', value: `"&<'\t\n\r` }], children: [] },
      `<A v="&quot;&amp;&lt;'&#9;&#10;&#13;"/>`,
    ],
    ['quotes in text kept', { name: 'A', attributes: [], children: [`"'`] }, `<A>"'</A>`],
  ])('%s', (_label, element, expected) => {
    expect(serializeXmlElement(element)).toBe(expected);
  });

  it('nests children in order', () => {
    const children = ['x', { name: 'B', attributes: [{ name: 'k', value: '1' }], children: ['y'] }, 'z'];
    expect(serializeXmlChildren(children)).toBe('x<B k="1">y</B>z');
  });

  it('round-trips through a parser', () => {
    const value = `a\r\nb\t"c" & <d>`;
    const xml = serializeXmlElement({
      name: 'Event',
      attributes: [],
      children: [
        {
          name: 'System',
          attributes: [],
          children: [{ name: 'EventID', attributes: [], children: ['1'] }],
        },
        {
          name: 'UserData',
          attributes: [],
          children: [{ name: 'V', attributes: [{ name: 'a', value }], children: [value] }],
        },
      ],
    });
    const record = parseEventXmlWithSaxes(xml, { maxBytes: 4096 })[0];
    expect(record?.userData).toBe(
      serializeXmlChildren([{ name: 'V', attributes: [{ name: 'a', value }], children: [value] }]),
    );
  });
});
