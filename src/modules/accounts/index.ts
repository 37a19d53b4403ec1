import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { onSessionOpened } from '../../platform/auth/open-session';
import type { GuichetModule } from '../../platform/module';
import { myDataRoutes } from './my-data.routes';
import { publicRoutes } from './public.routes';
import { newSignInNotice } from './own-account';
import { composeResetMail, RESET_MAIL } from './service';
import { composeSignInLinkMail, SIGN_IN_LINK_MAIL } from './sign-in-link';
import { signInLinkRoutes } from './sign-in-link.routes';
import { spaceRoutes } from './space.routes';
import { ssoRoutes } from './sso.routes';
import { accountsPersonalData } from './personal-data';
import { accountsPurges } from './purges';

export { markEmailConfirmed } from './store';
export type { AccountsTables } from './tables';

/** C3: people's local accounts, their space (/mon-compte), sessions, and one account on every host. */
export const accountsModule: GuichetModule = {
  name: 'accounts',
  plugin: async (app: FastifyInstance) => {
    onSessionOpened(app.platform, newSignInNotice);
    app.platform.mailer.compose(RESET_MAIL, composeResetMail(app.platform));
    app.platform.mailer.compose(SIGN_IN_LINK_MAIL, composeSignInLinkMail(app.platform));
    await app.register(publicRoutes);
    await app.register(signInLinkRoutes);
    await app.register(spaceRoutes);
    await app.register(myDataRoutes);
    await app.register(ssoRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: accountsPersonalData,
  purges: accountsPurges,
};
