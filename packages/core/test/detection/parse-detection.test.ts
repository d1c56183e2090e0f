import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DetectionError, type DetectionIssue } from '../../src/detection/detection-error';
import { parseDetection } from '../../src/detection/parse-detection';

const DETECTION_PATH = join(__dirname, '../../../../detections/wmi-impersonate-token.yml');
const DETECTION_TEXT = readFileSync(DETECTION_PATH, 'utf8');

type Mapping = Record<string, unknown>;

// Applies `edit` to the parsed shipped file and serializes it again.
function editedDetection(edit: (root: Mapping) => void): string {
  const root = parse(DETECTION_TEXT) as Mapping;
  edit(root);
  return stringify(root);
}

function section(root: Mapping, key: string): Mapping {
  return root[key] as Mapping;
}

function loadError(text: string): DetectionError {
  try {
    parseDetection(text);
  } catch (error) {
    if (error instanceof DetectionError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected parseDetection to throw a DetectionError');
}

function issuePaths(issues: DetectionIssue[]): string[] {
  return issues.map((issue) => issue.path);
}

describe('parseDetection with shipped file', () => {
  const detection = parseDetection(DETECTION_TEXT);

  it('reads ESCU identity', () => {
    expect([detection.id, detection.name, detection.searchName]).toEqual([
      'cf192860-2d94-40db-9a51-c04a2e8a8f8b',
      'Windows WMI Impersonate Token',
      'ESCU - Windows WMI Impersonate Token - Rule',
    ]);
  });

  it('keeps SPL backslashes in filter', () => {
    expect(detection.filter).toBe(
      String.raw`EventCode=10 SourceImage="*\\wmiprvse.exe" GrantedAccess IN ("0x1478", "0x1fffff")`,
    );
  });

  it('reads input channels', () => {
    expect(detection.input.channels).toEqual(['Microsoft-Windows-Sysmon/Operational']);
  });

  it('reads nine by-fields in order', () => {
    expect(detection.byFields).toEqual([
      'SourceImage',
      'TargetImage',
      'SourceProcessGUID',
      'TargetProcessGUID',
      'SourceProcessId',
      'TargetProcessId',
      'GrantedAccess',
      'CallTrace',
      'dest',
    ]);
  });

  it('reads window ending 10 minutes before the hour', () => {
    expect(detection.window).toEqual({ size: 60 * 60, offset: 50 * 60, grace: 10 * 60 });
  });

  it('reads risk settings', () => {
    expect(detection.risk).toEqual({
      score: 25,
      impact: 50,
      confidence: 50,
      objectField: 'dest',
      objectType: 'system',
      messageTemplate:
        'wmiprvse.exe process having a duplicate or full Granted Access $GrantedAccess$ to $TargetImage$ process in $dest$',
    });
  });

  it('reads annotations', () => {
    expect(detection.annotations).toEqual({ mitreAttack: ['T1047'], analyticStories: ['Qakbot'] });
  });

  it('reads prose fields', () => {
    expect(detection.description).toMatch(/wmiprvse\.exe/);
    expect(detection.knownFalsePositives).toMatch(/administrator/i);
  });
});

describe('parseDetection validation', () => {
  it('reports all problems at once', () => {
    const text = editedDetection((root) => {
      delete root.name;
      section(root, 'risk').score = 250;
      section(root, 'window').grace = -1;
      root.byFields = ['dest', 'dest'];
    });
    const error = loadError(text);
    expect(error.code).toBe('DETECTION_INVALID');
    expect(issuePaths(error.issues)).toEqual(['name', 'byFields[1]', 'window.grace', 'risk.score']);
  });

  it.each<[string, (root: Mapping) => void, string]>([
    ['missing id', (root) => delete root.id, 'id'],
    ['non-UUID id', (root) => (root.id = 'TODO'), 'id'],
    ['empty description', (root) => (root.description = '  '), 'description'],
    ['numeric name', (root) => (root.name = 42), 'name'],
    ['unknown key', (root) => (root.serachName = 'x'), 'serachName'],
    ['input not mapping', (root) => (root.input = ['Security']), 'input'],
    ['no channels', (root) => (section(root, 'input').channels = []), 'input.channels'],
    ['empty channel', (root) => (section(root, 'input').channels = ['']), 'input.channels[0]'],
    ['missing filter', (root) => delete root.filter, 'filter'],
    ['bad filter', (root) => (root.filter = 'EventCode=10 OR'), 'filter'],
    ['by-field with space', (root) => (root.byFields = ['Source Image', 'dest']), 'byFields[0]'],
    ['zero window size', (root) => (section(root, 'window').size = 0), 'window.size'],
    ['fractional size', (root) => (section(root, 'window').size = 3600.5), 'window.size'],
    ['offset past size', (root) => (section(root, 'window').offset = 3600), 'window.offset'],
    ['string grace', (root) => (section(root, 'window').grace = '600'), 'window.grace'],
    ['unknown window key', (root) => (section(root, 'window').lateness = 5), 'window.lateness'],
    ['impact over 100', (root) => (section(root, 'risk').impact = 101), 'risk.impact'],
    ['negative confidence', (root) => (section(root, 'risk').confidence = -5), 'risk.confidence'],
    ['unknown object type', (root) => (section(root, 'risk').objectType = 'host'), 'risk.objectType'],
    ['object not by-field', (root) => (section(root, 'risk').objectField = 'Computer'), 'risk.objectField'],
    ['unknown placeholder', (root) => (section(root, 'risk').messageTemplate = 'on $host$'), 'risk.messageTemplate'],
    [
      'unbalanced dollar',
      (root) => (section(root, 'risk').messageTemplate = 'cost $5 on $dest$'),
      'risk.messageTemplate',
    ],
    ['bad technique', (root) => (section(root, 'annotations').mitreAttack = ['1047']), 'annotations.mitreAttack[0]'],
    ['no techniques', (root) => (section(root, 'annotations').mitreAttack = []), 'annotations.mitreAttack'],
    [
      'stories not list',
      (root) => (section(root, 'annotations').analyticStories = 'Qakbot'),
      'annotations.analyticStories',
    ],
  ])('rejects %s', (_name, edit, path) => {
    expect(issuePaths(loadError(editedDetection(edit)).issues)).toEqual([path]);
  });

  it.each<[string, (root: Mapping) => void]>([
    ['sub-technique', (root) => (section(root, 'annotations').mitreAttack = ['T1055.012'])],
    ['no analytic stories', (root) => (section(root, 'annotations').analyticStories = [])],
    ['count placeholder', (root) => (section(root, 'risk').messageTemplate = '$count$ accesses on $dest$')],
    ['upper-case UUID', (root) => (root.id = 'CF192860-2D94-40DB-9A51-C04A2E8A8F8B')],
  ])('accepts %s', (_name, edit) => {
    expect(() => parseDetection(editedDetection(edit))).not.toThrow();
  });

  it('puts filter position in issue', () => {
    const [issue] = loadError(editedDetection((root) => (root.filter = 'EventCode=10 OR'))).issues;
    expect(issue?.expected).toMatch(/column 16/);
  });

  it('names path and value in message', () => {
    const error = loadError(editedDetection((root) => (section(root, 'risk').score = 250)));
    expect(error.message).toContain('  - risk.score: found 250, expected an integer from 0 to 100');
  });

  it('marks missing value in message', () => {
    const error = loadError(editedDetection((root) => delete root.id));
    expect(error.message).toContain('  - id: found nothing (missing), expected a UUID');
  });

  it('rejects non-mapping document', () => {
    expect(issuePaths(loadError('- just\n- a list\n').issues)).toEqual(['(document)']);
  });

  it('rejects empty document', () => {
    expect(loadError('').code).toBe('DETECTION_INVALID');
  });

  it('reports YAML syntax with line', () => {
    const error = loadError('name: a\nname: b\n');
    expect(error.code).toBe('DETECTION_YAML');
    expect(error.issues[0]?.path).toBe('line 2, column 1');
  });

  it('keeps YAML error as cause', () => {
    expect(loadError('filter: [unclosed\n').cause).toBeInstanceOf(Error);
  });
});
