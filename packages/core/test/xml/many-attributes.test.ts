import { EventXmlError, parseEventXml } from '../../src/xml';

function eventWithSecurityAttributes(names: string[]): string {
  const attributes = names.map((name) => `${name}='v'`).join(' ');
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>10</EventID>" +
    `<Security ${attributes}/></System></Event>`
  );
}

test('many distinct attributes are kept', () => {
  const names = Array.from({ length: 40 }, (_, index) => `a${index}`);

  const [event] = parseEventXml(eventWithSecurityAttributes(names), { maxBytes: 65_536 }).events;

  expect(event?.extra).toHaveLength(40);
});

test('duplicate after many attributes is rejected', () => {
  const names = [...Array.from({ length: 30 }, (_, index) => `a${index}`), 'a3'];

  expect(() => parseEventXml(eventWithSecurityAttributes(names), { maxBytes: 65_536 })).toThrow(EventXmlError);
});
