import type { AppInfo } from '../../../shared/ipc/contract';

export function SecretStorageBanner({ info }: { info: AppInfo | null }) {
  if (!info || info.secretStorage.persistent) return null;
  return (
    <section className="banner warning" aria-labelledby="secret-storage-title">
      <h2 id="secret-storage-title" className="banner-title">
        Secrets are kept only until the app closes
      </h2>
      <p>
        This computer has no secure key store the app can use, so client secrets and sign-ins are held in memory
        and forgotten when you quit. Your profiles themselves are saved; you will enter each client secret and
        connect again next time.
      </p>
      {info.secretStorage.message ? <p>{info.secretStorage.message}</p> : null}
    </section>
  );
}
