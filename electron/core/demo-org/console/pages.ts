/** The console's HTML: what api-console.zoho.com is to Zoho, in three small pages. */
import { escapeHtml } from '../http/io';
import { layout } from '../accounts/pages';
import type { ClientRecord } from '../state/types';
import type { directoryView } from './directoryView';

type Directory = ReturnType<typeof directoryView>;

export function consoleHome(clients: ClientRecord[], dir: Directory, notice = ''): string {
  const rows = clients
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.type)}</td><td><code>${escapeHtml(c.client_id)}</code></td>` +
        `<td>${c.redirect_uris.map((u) => `<code>${escapeHtml(u)}</code>`).join('<br>') || '—'}</td><td>${escapeHtml(c.enabled_dcs.join(', '))}</td></tr>`,
    )
    .join('');
  const people = dir.users
    .map(
      (u) =>
        `<li><strong>${escapeHtml(u.full_name)}</strong> (${escapeHtml(u.email)}, home DC ${escapeHtml(u.home_dc)})<ul>${u.orgs
          .map((o) => `<li>${escapeHtml(o.company_name)} — ${escapeHtml(o.environment)}, ${escapeHtml(o.edition)}, org id <code>${escapeHtml(o.id)}</code></li>`)
          .join('')}</ul></li>`,
    )
    .join('');
  return layout(
    'Demo API console',
    `<main><h1>Demo API console</h1>${notice}
<h2>Registered clients</h2>${rows ? `<table><thead><tr><th>Name</th><th>Type</th><th>Client ID</th><th>Redirect URIs</th><th>Data centres</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No clients yet.</p>'}
<h2>Add a client</h2>
<form method="post" action="/console/clients">
<p><label for="type">Client type</label> <select id="type" name="type"><option value="mobile">Mobile-based</option><option value="server">Server-based</option><option value="self">Self Client</option><option value="device">Non-browser</option></select></p>
<p><label for="name">Client name</label> <input id="name" name="name" required></p>
<p><label for="redirect_uris">Authorized redirect URIs (one per line)</label><br><textarea id="redirect_uris" name="redirect_uris" rows="3" cols="50"></textarea></p>
<p><label for="home_dc">Home data centre</label> <input id="home_dc" name="home_dc" value="us" size="4"></p>
<button type="submit">Create</button></form>
<h2>Self Client: generate code</h2>
<form method="post" action="/console/self-client/code">
<p><label for="sc_client">Client ID</label> <input id="sc_client" name="client_id" size="40" required></p>
<p><label for="sc_scope">Scopes (comma-separated)</label> <input id="sc_scope" name="scope" size="50" required></p>
<p><label for="sc_user">User</label> <input id="sc_user" name="user" value="ava" size="8"> <label for="sc_org">Org id</label> <input id="sc_org" name="org" size="14"></p>
<p><label for="sc_exp">Expiry (minutes)</label> <input id="sc_exp" name="expiry_minutes" value="3" size="3"></p>
<button type="submit">Create</button></form>
<h2>Demo users and orgs</h2><ul>${people}</ul>
<p>JSON: <code>POST /console/api/clients</code>, <code>POST /console/api/self-client/code</code>, <code>GET /console/api/users</code>.</p></main>`,
  );
}

export function resultPage(title: string, items: Array<[string, string]>): string {
  const list = items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`).join('');
  return layout(title, `<main><h1>${escapeHtml(title)}</h1><dl>${list}</dl><p><a href="/console">Back to the console</a></p></main>`);
}
