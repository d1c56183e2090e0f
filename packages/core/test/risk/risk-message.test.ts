import { renderRiskMessage, templatePlaceholders, validateTemplate } from '../../src/risk/risk-message';

const BY_FIELDS = ['TargetImage', 'GrantedAccess', 'dest'];

describe('templatePlaceholders', () => {
  test.each([
    ['two fields', 'Access $GrantedAccess$ on $dest$', ['GrantedAccess', 'dest']],
    ['no fields', 'plain text', []],
    ['repeated field', '$dest$ and $dest$', ['dest', 'dest']],
    ['adjacent fields', '$TargetImage$$dest$', ['TargetImage', 'dest']],
    ['empty name', 'x $$ y', ['']],
  ])('%s', (_case, template, names) => {
    expect(templatePlaceholders(template)).toEqual(names);
  });

  test('rejects unpaired dollar', () => {
    expect(() => templatePlaceholders('$5 each on $dest$')).toThrow(/odd number of "\$" signs/);
  });
});

describe('validateTemplate', () => {
  test('accepts by-fields', () => {
    expect(() => validateTemplate('$TargetImage$ opened on $dest$', BY_FIELDS)).not.toThrow();
  });

  test('accepts stats result fields', () => {
    expect(() => validateTemplate('$count$ times from $firstTime$ to $lastTime$', BY_FIELDS)).not.toThrow();
  });

  test.each([
    ['unknown field', '$user$ on $dest$', /unknown placeholder \$user\$/],
    ['field case differs', '$Dest$', /unknown placeholder \$Dest\$/],
    ['object prototype name', '$constructor$', /unknown placeholder \$constructor\$/],
    ['empty placeholder', 'costs $$', /unknown placeholder \$\$/],
    ['unpaired dollar', '$dest$ costs $5', /odd number of "\$" signs/],
    ['message lists fields', '$user$', /must name one of TargetImage, GrantedAccess, dest, count, firstTime, lastTime/],
  ])('rejects %s', (_case, template, message) => {
    expect(() => validateTemplate(template, BY_FIELDS)).toThrow(message);
  });
});

describe('renderRiskMessage', () => {
  const values = new Map([
    ['TargetImage', 'C:\\Windows\\System32\\cmd.exe'],
    ['GrantedAccess', '0x1fffff'],
    ['dest', 'WKS-01'],
  ]);

  test('fills every placeholder', () => {
    expect(renderRiskMessage('$TargetImage$ with $GrantedAccess$ on $dest$', values)).toBe(
      'C:\\Windows\\System32\\cmd.exe with 0x1fffff on WKS-01',
    );
  });

  test('keeps replacement patterns literal', () => {
    const tricky = new Map([['dest', "$& $1 $$ $' x"]]);
    expect(renderRiskMessage('on $dest$', tricky)).toBe("on $& $1 $$ $' x");
  });

  test('fills adjacent placeholders', () => {
    expect(renderRiskMessage('$GrantedAccess$$dest$', values)).toBe('0x1fffffWKS-01');
  });

  test('rejects field without value', () => {
    expect(() => renderRiskMessage('$user$', values)).toThrow(/\$user\$ has no value/);
  });
});
