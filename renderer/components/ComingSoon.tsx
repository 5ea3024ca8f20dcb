import { Button, Card, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';

interface Props {
  /** Area name, e.g. 专家评审. */
  area: string;
  /** What the area will do, one sentence. */
  plan?: string;
}

/** Placeholder for an area that a later version brings. */
export function ComingSoon({ area, plan }: Props) {
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: '#8c8c8c' }} />}
        title={`${area}功能正在建设中，将在后续版本提供。`}
        subTitle={plan}
        extra={
          <Button type="primary" href="#/batches">
            返回申报批次
          </Button>
        }
      />
    </Card>
  );
}
