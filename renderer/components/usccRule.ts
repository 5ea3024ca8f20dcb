import type { FormItemProps } from 'antd';
import { checkUscc } from '../../electron/core/domain/uscc.js';

/**
 * The Form.Item props of a 统一社会信用代码 field: checked with the core's rule (GB 32100-2015, domain/uscc.ts)
 * when the field is left, not on every keystroke, so a half-typed code is not called wrong. `required` adds the
 * empty check; an optional field accepts empty.
 */
export function usccItemProps(required: boolean): Pick<FormItemProps, 'rules' | 'validateTrigger'> {
  return {
    validateTrigger: 'onBlur',
    rules: [
      {
        validator: (_rule, value: unknown) => {
          const raw = typeof value === 'string' ? value : '';
          if (!raw.trim()) return required ? Promise.reject(new Error('请填写统一社会信用代码')) : Promise.resolve();
          const r = checkUscc(raw);
          return r.ok ? Promise.resolve() : Promise.reject(new Error(`统一社会信用代码：${r.message}`));
        },
      },
    ],
  };
}
