import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';

/**
 * What every page shares: the query cache. Ant Design (and its Chinese locale) is not here:
 * the public portal is plain HTML and CSS, and only the login page and the workspaces load
 * antd, through <AntdFrame> (app/AntdFrame.tsx) in their own chunk.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
