import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../../electron/core/contract/index.js';
import { Text, firstForbidden, normaliseText, textOptions } from '../../../electron/core/contract/text.js';
import { describeIssues } from '../../../electron/core/rpc/errors.js';

const Name = Text({ label: '单位名称', min: 2, max: 10 });
const Body = Text({ label: '工作情况', max: 100, multiline: true });

function refusal(schema: z.ZodType, value: unknown): string {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => i.message).join('；');
}

describe('Text(): control and bidi characters are refused, naming the field and the code point', () => {
  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['BEL', '\u0007', 'U+0007'],
    ['ESC', '\u001b', 'U+001B'],
    ['DEL', '\u007f', 'U+007F'],
    ['C1 (NEL)', '\u0085', 'U+0085'],
    ['C1 (CSI)', '\u009b', 'U+009B'],
    ['RLO', '\u202e', 'U+202E'],
    ['LRE', '\u202a', 'U+202A'],
    ['RLI', '\u2067', 'U+2067'],
    ['PDI', '\u2069', 'U+2069'],
    ['LRM', '\u200e', 'U+200E'],
    ['RLM', '\u200f', 'U+200F'],
    ['ALM', '\u061c', 'U+061C'],
    ['zero-width space', '\u200b', 'U+200B'],
    ['BOM', '\ufeff', 'U+FEFF'],
    ['tag character', '\u{E0041}', 'U+E0041'],
    ['lone surrogate', '\ud800', 'U+D800'],
  ])('%s', (_, ch, cp) => {
    expect(refusal(Name, `福州${ch}公司`)).toBe(`单位名称含有不可见的控制字符（${cp}），请删除后重新输入。`);
    expect(refusal(Body, `第一段${ch}`)).toContain(`（${cp}）`);
  });

  it('a newline or a tab is refused in a single-line field and accepted in a multi-line one', () => {
    expect(refusal(Name, '福州\n公司')).toContain('U+000A');
    expect(refusal(Name, '福州\t公司')).toContain('U+0009');
    expect(refusal(Name, '福州\u2028公司')).toContain('U+2028');
    expect(Body.parse('第一段\n第二段')).toBe('第一段\n第二段');
    expect(Body.parse('第一段\r\n\r\n\r\n\r\n第二段\r第三段\u2029第四段')).toBe('第一段\n\n第二段\n第三段\n第四段');
    expect(Body.parse('a\tb')).toBe('a b');
    expect(firstForbidden('第一段\n第二段', true)).toBeNull();
  });

  it('the zod path and the Chinese field label reach the API message', () => {
    const Input = z.object({ applicant: z.object({ name: Name }) });
    const r = Input.safeParse({ applicant: { name: '福州\u202e公司' } });
    expect(r.error!.issues[0]!.path).toEqual(['applicant', 'name']);
    expect(describeIssues(r.error!.issues)).toEqual(['单位名称含有不可见的控制字符（U+202E），请删除后重新输入。']);
  });
});

describe('Text(): trimming and whitespace normalisation (one rule everywhere)', () => {
  it('trims, and NFC-normalises', () => {
    expect(Name.parse('  福州公司 \u3000')).toBe('福州公司');
    expect(Name.parse('Cafe\u0301 公司')).toBe('Café 公司');
  });

  it('ideographic, no-break and other spaces become one ASCII space; runs collapse', () => {
    expect(Name.parse('Fuzhou\u3000\u3000IP')).toBe('Fuzhou IP');
    expect(Name.parse('Fuzhou\u00a0 \u2003IP')).toBe('Fuzhou IP');
    expect(Name.parse('A    B')).toBe('A B');
  });

  it('drops a space between two CJK characters and keeps one next to Latin letters or digits', () => {
    expect(Name.parse('张\u3000三')).toBe('张三');
    expect(Name.parse('福州 某某 公司')).toBe('福州某某公司');
    expect(Name.parse('福州 ABC 公司')).toBe('福州 ABC 公司');
    expect(Text({ label: '地址', max: 50 }).parse('五四路 100号（ 东门 ）')).toBe('五四路 100号（东门）');
  });

  it('multi-line: each line trimmed, blank lines at the ends removed, at most one blank line between paragraphs', () => {
    expect(Body.parse('\n\n\u3000\u3000第一段。 \n\n\n\n  第二段\u3000内容\n\n')).toBe('第一段。\n\n第二段内容');
  });

  it('lengths count characters after normalisation, with the field named', () => {
    expect(refusal(Name, ' 福 ')).toBe('请填写单位名称（至少2个字）');
    expect(refusal(Name, '一二三四五六七八九十一')).toBe('单位名称不超过10个字');
    expect(Name.parse('一二三四五六七八九十   ')).toBe('一二三四五六七八九十');
    expect(Text({ label: 'X', max: 3 }).parse('𠀀𠀀𠀀')).toBe('𠀀𠀀𠀀'); // 3 characters, 6 UTF-16 units
  });

  it('normaliseText is idempotent', () => {
    for (const s of ['福州 ABC 公司', '张三', '第一段\n\n第二段', 'Fuzhou IP'])
      expect(normaliseText(normaliseText(s, true), true)).toBe(normaliseText(s, true));
  });

  it('a further rule runs on the normalised text', () => {
    const Phone = Text({ label: '联系电话', max: 20, rule: (s) => (/^\d+$/.test(s) ? null : '电话号码格式不对') });
    expect(Phone.parse(' 13800000000 ')).toBe('13800000000');
    expect(refusal(Phone, '1380000000x')).toBe('联系电话：电话号码格式不对');
  });
});

// Keys that hold identifiers, codes, paths or filters chosen from lists, never free text typed by a person.
const NOT_FREE_TEXT = new Set([
  'id',
  'applicationId',
  'expertId',
  'centerId',
  'batchId',
  'objectionId',
  'reviewId',
  'assignmentId',
  'packageId',
  'taskId',
  'uploadId',
  'sha256',
  'path',
  'targetDir',
  'code',
  'entity',
  'expertIds',
  'key',
]);
/** A snapshot's name, chosen from backups.list. */
const NOT_FREE_TEXT_PATHS = new Set(['backups.restore.name']);

/** Every plain string in the inputs: must be a Text() unless a pattern or the key says it is not free text. */
function plainStrings(schema: z.ZodType, path: string[], out: string[]): void {
  if (textOptions(schema)) return;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def as {
    type: string;
    innerType?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    valueType?: z.ZodType;
    options?: z.ZodType[];
    in?: z.ZodType;
    checks?: { _zod: { def: { check: string; format?: string } } }[];
  };
  switch (def.type) {
    case 'string': {
      const constrained = (def.checks ?? []).some((c) => c._zod.def.check === 'string_format');
      const key = path.filter((p) => p !== '[]').at(-1) ?? '';
      if (!constrained && !NOT_FREE_TEXT.has(key) && !NOT_FREE_TEXT_PATHS.has(path.join('.'))) out.push(path.join('.'));
      return;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'prefault':
      return plainStrings(def.innerType!, path, out);
    case 'pipe':
      return plainStrings(def.in!, path, out);
    case 'object':
      for (const [k, v] of Object.entries(def.shape!)) plainStrings(v, [...path, k], out);
      return;
    case 'array':
      return plainStrings(def.element!, [...path, '[]'], out);
    case 'record':
      return plainStrings(def.valueType!, [...path, '{}'], out);
    case 'union':
      for (const o of def.options!) plainStrings(o, path, out);
      return;
    default:
      return;
  }
}

describe('every free-text field of every contract input is a Text()', () => {
  it('no plain string is left in any method input', () => {
    const found: string[] = [];
    for (const [name, spec] of Object.entries(contract)) plainStrings(spec.input, [name], found);
    expect(found).toEqual([]);
  });
});
