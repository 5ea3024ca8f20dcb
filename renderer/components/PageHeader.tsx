import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

interface Props {
  title: string;
  /** One line under the title that says what the page is for. */
  description?: ReactNode;
  /** Buttons on the right. */
  extra?: ReactNode;
}

/** Title row of a page: heading, short description, actions. */
export function PageHeader({ title, description, extra }: Props) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {description}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
