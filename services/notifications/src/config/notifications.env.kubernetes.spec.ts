import { KUSTOMIZATIONS, unsetInManifests } from '@ct/testing';
import { notificationsEnv, SERVICE } from './notifications.env';

describe('notifications on Kubernetes', () => {
  it.each(KUSTOMIZATIONS)('deploy/kubernetes/%s sets every variable the service needs', (dir) => {
    expect(
      unsetInManifests(dir, SERVICE, notificationsEnv, ['SMTP_URL', 'DASHBOARD_URL', 'MAIL_FROM']),
    ).toEqual([]);
  });
});
