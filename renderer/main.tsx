import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import App from './App';
import { skipClearButtonsInTabOrder } from './components/skipClearButtons';

dayjs.locale('zh-cn');
skipClearButtonsInTabOrder();

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root 元素');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
