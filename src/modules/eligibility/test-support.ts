/** What other modules' tests need of the simulator: its cookie, sealed as the simulator seals it. */
export { seal as sealSimulatorState, STATE_COOKIE } from './state';
