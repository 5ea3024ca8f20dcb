import { Alert } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useSealedYears } from './useSealedYears';

/** Says, above a page's data, that the year shown is sealed and so read-only. */
export function SealedYearAlert({ year }: { year: number | undefined }) {
  const sealed = useSealedYears();
  if (year === undefined || !sealed.has(year)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<LockOutlined />}
      data-testid="sealed-year-alert"
      title={`${year}年度档案已封存，本年度的数据只读。`}
      description={
        <>
          如确需更正，请先在“<a href="#/archive">年度档案</a>”中解除封存并填写理由，改正后重新封存。
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
