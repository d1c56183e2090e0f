import { EventSplitter } from '../../src/replay';

function split(text: string): string[] {
  const splitter = new EventSplitter();
  const events = text.split('\n').flatMap((line) => splitter.push(line));
  return [...events, ...splitter.end()];
}

const one = "<Event xmlns='x'><System><EventID>10</EventID></System></Event>";
const two = "<Event xmlns='x'><System><EventID>1</EventID></System></Event>";

test('splitter reads one event per line', () => {
  expect(split(`${one}\n${two}\n`)).toEqual([one, two]);
});

test('splitter joins a pretty-printed event', () => {
  const text =
    '<?xml version="1.0"?>\n<Events>\n<Event>\n  <System>\n    <EventID>10</EventID>\n  </System>\n</Event>\n</Events>';

  expect(split(text)).toEqual(['<Event>\n  <System>\n    <EventID>10</EventID>\n  </System>\n</Event>']);
});

test('splitter separates events on one line', () => {
  expect(split(`<Events>${one}${two}</Events>`)).toEqual([one, two]);
});

test('splitter keeps an unterminated event apart', () => {
  const broken = "<Event xmlns='x'><System><EventID>10</EventID></System>";

  expect(split(`${broken}\n${two}`)).toEqual([broken, two]);
});

test('splitter emits an unterminated last event', () => {
  expect(split('<Event><System>')).toEqual(['<Event><System>']);
});

test('splitter ignores EventData and Events tags', () => {
  expect(split('<Events>\n<EventData/>\n</Events>')).toEqual([]);
});
