import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, transport } from './api';
import { App } from './App';
import { NoTokenPage } from './components/NoTokenPage';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>{transport === 'missing-token' ? <NoTokenPage /> : <App api={api} />}</StrictMode>,
);
