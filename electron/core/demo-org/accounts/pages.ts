/** HTML of the accounts server: consent page and error pages. No scripts, no passwords. */
import { escapeHtml } from '../http/io';
import { DEMO_LABEL } from '../../../../shared/app';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
h1{font-size:1.4rem}.demo{background:#fff4d6;border:1px solid #e0b84c;padding:.3rem .6rem;border-radius:4px;display:inline-block}
fieldset{border:1px solid #ccd;border-radius:6px;margin:1rem 0}ul.scopes li{margin:.3rem 0}
button{font-size:1rem;padding:.5rem 1.4rem;margin-right:.8rem;border-radius:6px;border:1px solid #345;cursor:pointer}
button.allow{background:#1f6feb;color:#fff;border-color:#1f6feb}a{color:#1f5fbf}code{font-size:.9em}`;

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><p class="demo">${escapeHtml(DEMO_LABEL)}</p>${body}</body></html>`;
}

/** Zoho answers a bad client id or redirect URI with a page, not a redirect (§2.2). */
export function errorPage(title: string, message: string): string {
  return layout(title, `<main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p></main>`);
}

export interface ConsentView {
  clientName: string;
  requestId: string;
  scopes: Array<{ scope: string; words: string }>;
  users: Array<{ key: string; name: string; email: string; dcLabel: string; href: string; current: boolean }>;
  orgs: Array<{ id: string; label: string }>;
  offline: boolean;
}

export function consentPage(v: ConsentView): string {
  const current = v.users.find((u) => u.current)!;
  const userList = v.users
    .map((u) =>
      u.current
        ? `<li><strong aria-current="true">${escapeHtml(u.name)}</strong> (${escapeHtml(u.email)}, ${escapeHtml(u.dcLabel)})</li>`
        : `<li><a href="${escapeHtml(u.href)}">${escapeHtml(u.name)}</a> (${escapeHtml(u.email)}, ${escapeHtml(u.dcLabel)})</li>`,
    )
    .join('');
  const orgPicker =
    v.orgs.length > 1
      ? `<fieldset><legend>Which organisation may ${escapeHtml(v.clientName)} use?</legend>${v.orgs
          .map(
            (o, i) =>
              `<div><input type="radio" name="org" id="org-${escapeHtml(o.id)}" value="${escapeHtml(o.id)}"${i === 0 ? ' checked' : ''}>` +
              ` <label for="org-${escapeHtml(o.id)}">${escapeHtml(o.label)}</label></div>`,
          )
          .join('')}</fieldset>`
      : `<input type="hidden" name="org" value="${escapeHtml(v.orgs[0]?.id ?? '')}"><p>Organisation: ${escapeHtml(v.orgs[0]?.label ?? '')}</p>`;
  const scopes = v.scopes.map((s) => `<li>${escapeHtml(s.words)} <code>${escapeHtml(s.scope)}</code></li>`).join('');
  return layout(
    `${v.clientName} would like to access your Zoho account`,
    `<main>
<h1>${escapeHtml(v.clientName)} would like to access your Zoho account</h1>
<section aria-labelledby="who"><h2 id="who">Signed in as ${escapeHtml(current.name)}</h2>
<p>This is a demo, so there is no password. Sign in as someone else:</p><ul>${userList}</ul></section>
<form method="post" action="/oauth/v2/auth/decision">
<input type="hidden" name="request_id" value="${escapeHtml(v.requestId)}">
<input type="hidden" name="user" value="${escapeHtml(current.key)}">
${orgPicker}
<h2>It will be able to:</h2><ul class="scopes">${scopes}</ul>
${v.offline ? '<p>It will keep this access until you revoke it, even when you are not using it.</p>' : ''}
<button type="submit" class="allow" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form></main>`,
  );
}
