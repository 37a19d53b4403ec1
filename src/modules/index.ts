import type { GuichetModule } from '../platform/module';
import { accountsModule } from './accounts';
import { agendaModule } from './agenda';
import { aidsModule } from './aids';
import { applicationsModule } from './applications';
import { backofficeModule } from './backoffice';
import { contentModule } from './content';
import { developersModule } from './developers';
import { eligibilityModule } from './eligibility';
import { franceConnectModule } from './franceconnect';
import { glossaryModule } from './glossary';
import { helpModule } from './help';
import { identityProviderModule } from './identity-provider';
import { membersModule } from './members';
import { mfaModule } from './mfa';
import { opendataModule } from './opendata';
import { orientationModule } from './orientation';
import { portalModule } from './portal';
import { proceduresModule } from './procedures';
import { profileModule } from './profile';
import { searchModule } from './search';
import { territoriesModule } from './territories';
import { trainingsModule } from './trainings';

/**
 * Every capability, in registration order. `developers` comes first: its gate (API keys, scopes,
 * quotas) is a root hook, which reaches only the routes registered after it.
 */
export const modules: GuichetModule[] = [developersModule, territoriesModule, contentModule, glossaryModule, backofficeModule, helpModule, portalModule, profileModule, franceConnectModule, accountsModule, mfaModule, identityProviderModule, aidsModule, eligibilityModule, applicationsModule, proceduresModule, orientationModule, agendaModule, membersModule, trainingsModule, searchModule, opendataModule];
