import { test } from 'node:test';
import { journey } from './support/journey';

const j = journey();
for (const path of ['/aide-de-proximite', '/aide-de-proximite?commune=Quimper', '/aide-de-proximite?departement=35&page=2', '/aide-de-proximite?commune=Rennnes', '/aide-de-proximite?commune=Plouhinec', '/accessibilite', '/mentions-legales', '/donnees-personnelles', '/sources', '/collectivites/']) {
  test(path, async () => {
    const report = await j.check(j.url(path), { status: path.includes('nnes') || path.includes('Plouhinec') ? 422 : 200 } as never);
    console.log(path, JSON.stringify(report));
  });
}
test('screenshot', async () => {
  await j.page.goto(j.url('/aide-de-proximite?commune=Quimper'));
  await j.page.setViewportSize({ width: 1200, height: 1800 });
  await j.page.screenshot({ path: '/tmp/helpcheck/quimper.png', fullPage: false });
  await j.page.setViewportSize({ width: 320, height: 1400 });
  await j.page.goto(j.url('/collectivites/'));
  await j.page.screenshot({ path: '/tmp/helpcheck/collectivites-320.png', fullPage: false });
});
