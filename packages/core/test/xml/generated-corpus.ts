import type { RenderStyle, SampleElement } from './sample-tree';
import { COMPACT_STYLE, el, render } from './sample-tree';
import { classicEvent, event, processAccessData, renderingInfo, system, userData } from './sample-events';

// Generates the same events in every rendering the scanner must handle, so tests can check that
// the scanner and saxes agree and that the rendering never changes the records.

export interface ContentVariant {
  label: string;
  events: SampleElement[];
}

export interface CorpusCase {
  label: string;
  input: string | Buffer;
  /** The same events rendered compactly with single quotes, one after the other. */
  reference: string;
}

export const CONTENT_VARIANTS: ContentVariant[] = [
  { label: 'sysmon process access', events: [event([system(), processAccessData()])] },
  {
    label: 'empty, spaced and special values',
    events: [
      event([
        system(),
        processAccessData({
          RuleName: '',
          SourceImage: '\r',
          CallTrace: '',
          CommandLine: '  ping  -n 6 127.0.0.1 ',
          TargetImage: `C:\\Tools\\a&b <x> "q" 's'.exe`,
        }),
      ]),
    ],
  },
  {
    label: 'non-ASCII values',
    events: [
      event([
        system(),
        processAccessData({ Product: 'Microsoft® Windows® Operating System', Description: 'Ünïcödé – 日本語 𝄞' }),
      ]),
    ],
  },
  { label: 'classic event', events: [classicEvent()] },
  { label: 'rendering info', events: [event([system(), processAccessData(), renderingInfo()])] },
  {
    label: 'user data',
    events: [event([system({ correlation: { ActivityID: '{5e3ef0a6-d286-4320-a2e8-ae15128166b5}' } }), userData()])],
  },
  {
    label: 'python-evtx system values',
    events: [
      event([
        system({
          systemTime: '2024-05-02 08:15:30.123456',
          qualifiers: '',
          correlation: { ActivityID: '', RelatedActivityID: '' },
        }),
        processAccessData(),
      ]),
    ],
  },
  { label: 'no namespace', events: [event([system(), processAccessData()], null)] },
  { label: 'event without data', events: [event([system(), el('EventData')])] },
];

/** Lists every combination of quote, layout, empty-element form and escape style. */
export function renderStyles(): Array<{ label: string; style: RenderStyle }> {
  const layouts: Array<[string, Pick<RenderStyle, 'indent' | 'newline'>]> = [
    ['compact', { indent: null, newline: '\n' }],
    ['indented LF', { indent: '  ', newline: '\n' }],
    ['indented CRLF', { indent: '  ', newline: '\r\n' }],
    ['tab-indented', { indent: '\t', newline: '\n' }],
  ];
  const styles: Array<{ label: string; style: RenderStyle }> = [];
  for (const quote of ["'", '"'] as const) {
    for (const [layout, lines] of layouts) {
      for (const selfClose of [true, false]) {
        for (const escapes of ['named', 'decimal', 'hex'] as const) {
          const label = `${quote} ${layout} ${selfClose ? '<x/>' : '<x></x>'} ${escapes}`;
          styles.push({ label, style: { quote, ...lines, selfClose, escapes } });
        }
      }
    }
  }
  return styles;
}

type Framing = (events: string[], newline: string) => string | Buffer;

/** Ways a message can frame its events: BOM, declarations, wrappers and concatenation. */
export const FRAMINGS: Array<[string, Framing]> = [
  ['bare', (events) => events.join('')],
  ['BOM in string', (events) => `\uFEFF${events.join('')}`],
  ['BOM in bytes', (events) => Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(events.join(''), 'utf8')])],
  ['bytes', (events) => Buffer.from(events.join(''), 'utf8')],
  ['declaration', (events, nl) => `<?xml version="1.0" encoding="UTF-8"?>${nl}${events.join(nl)}`],
  [
    'python-evtx declaration and wrapper',
    (events, nl) =>
      `<?xml version="1.1" encoding="utf-8" standalone="yes" ?>${nl}<Events>${nl}${events.join(nl)}${nl}</Events>`,
  ],
  ['Events wrapper', (events) => `<Events>${events.join('')}</Events>`],
  ['concatenated twice', (events) => events.join('') + events.join('')],
  ['one per line', (events, nl) => events.map((text) => `${text}${nl}`).join('')],
];

/** Builds every case: each content variant in each style and framing. */
export function generateCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const content of CONTENT_VARIANTS) {
    const compact = content.events.map((tree) => render(tree, COMPACT_STYLE));
    for (const { label: styleLabel, style } of renderStyles()) {
      const rendered = content.events.map((tree) => render(tree, style));
      for (const [framingLabel, frame] of FRAMINGS) {
        cases.push({
          label: `${content.label} | ${styleLabel} | ${framingLabel}`,
          input: frame(rendered, style.newline),
          reference: frameReference(framingLabel, compact),
        });
      }
    }
  }
  return cases;
}

// Concatenated framings repeat the events, so the reference must repeat them too.
function frameReference(framingLabel: string, compact: string[]): string {
  const once = compact.join('');
  return framingLabel === 'concatenated twice' ? once + once : once;
}
