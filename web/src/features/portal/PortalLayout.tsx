import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import './portal.css';

/** The public's window (阳光公开): a header, the page, the note on who publishes. */
export function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <div className="pt">
      <header className="pt-header">
        <div className="pt-header-inner">
          <Link to="/portal" className="pt-brand">
            连心 · 代表建议公开
          </Link>
          <nav className="pt-nav" aria-label="公开栏目">
            <NavLink to="/portal" end>
              公开建议
            </NavLink>
            <NavLink to="/portal/unsatisfied">不满意答复</NavLink>
            <NavLink to="/portal/figures">办理情况与排名</NavLink>
            <Link to="/login">工作人员登录</Link>
          </nav>
        </div>
      </header>
      <main className="pt-main">{children}</main>
      <footer className="pt-footer">本栏目公开的代表建议及答复经人大常委会选举任免联络工作委员会审定发布。</footer>
    </div>
  );
}

export function PortalMessage({ children, error = false }: { children: ReactNode; error?: boolean }) {
  return (
    <div className={error ? 'pt-error' : 'pt-empty'} role={error ? 'alert' : undefined}>
      {children}
    </div>
  );
}
