import { Flex, Select, Typography } from 'antd';
import { thisYear } from '../../format';

const FIRST_YEAR = 2024;

/** 年度 selector: from the first designation year to next year. */
export function YearPicker({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const last = Math.max(thisYear() + 1, value);
  const years = Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
  return (
    <Flex align="center" gap={8}>
      <Typography.Text>年度</Typography.Text>
      <Select<number>
        aria-label="年度"
        value={value}
        onChange={onChange}
        style={{ width: 110 }}
        options={years.map((y) => ({ value: y, label: `${y}年度` }))}
      />
    </Flex>
  );
}
