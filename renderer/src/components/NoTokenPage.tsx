/** Browser mode opened without its one-time link: say exactly what to do. */
export function NoTokenPage() {
  return (
    <main className="no-token">
      <h1>Open the app from its link</h1>
      <p>
        This page needs the private link that <code>npm start</code> printed in the terminal. The link starts with{' '}
        <code>http://127.0.0.1</code> and ends with <code>#token=…</code>.
      </p>
      <p>
        Copy that whole link into this browser’s address bar. If the terminal is closed, run <code>npm start</code>{' '}
        again and use the new link it prints.
      </p>
    </main>
  );
}
