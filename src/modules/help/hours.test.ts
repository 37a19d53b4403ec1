import assert from 'node:assert/strict';
import { test } from 'node:test';
import { franceServicesHoursToFrench, mediationHoursToFrench, parseOsmHours } from './hours';

test('OSM opening hours become plain French, grouped by days with the same hours', () => {
  assert.equal(mediationHoursToFrench('Mo-Fr 09:00-12:00,14:00-17:00'), 'Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h');
  assert.equal(
    mediationHoursToFrench('Mo-Fr 08:30-12:30,13:30-18:30; Th 09:30-12:30,13:30-18:30; Sa 09:00-12:30'),
    'Du lundi au mercredi et vendredi : de 8 h 30 à 12 h 30 et de 13 h 30 à 18 h 30\nJeudi : de 9 h 30 à 12 h 30 et de 13 h 30 à 18 h 30\nSamedi : de 9 h à 12 h 30',
  );
  // A later rule closes a day; touching intervals are joined; an empty one is dropped.
  assert.equal(mediationHoursToFrench('Tu-Fr 09:00-12:00; Th off'), 'Mardi, mercredi et vendredi : de 9 h à 12 h');
  assert.equal(mediationHoursToFrench('Tu 12:30-13:00,13:00-16:30'), 'Mardi : de 12 h 30 à 16 h 30');
  assert.equal(mediationHoursToFrench('We 09:00-09:00,14:00-17:00'), 'Mercredi : de 14 h à 17 h');
  assert.equal(mediationHoursToFrench('Sa,Su 13:30-19:00'), 'Samedi et dimanche : de 13 h 30 à 19 h');
});

test('broken OSM hours say nothing rather than mislead; French text is kept as published', () => {
  assert.equal(parseOsmHours('Mo 18:00'), undefined);
  assert.equal(mediationHoursToFrench('Tu-Fr 08:30-18:00; Mo 18:00'), null);
  assert.equal(mediationHoursToFrench('Mo-Fr 09:00-12:00-14:00'), null);
  assert.equal(mediationHoursToFrench(''), null);
  assert.equal(mediationHoursToFrench(' Du\u00a0lundi au vendredi de 7h30 à 19h. '), 'Du lundi au vendredi de 7h30 à 19h.');
});

test('France Services hours, one text per weekday', () => {
  const week = ['9:00 - 12:00 / 13:30 - 17:00', '9:00 - 12:00 / 13:30 - 17:00', '9:00 - 12:00 ', 'Sur RDV : 9:00 - 12:30 / Sans RDV : 13:30 - 17:00', '-', '9:00 - 12:00'];
  assert.equal(
    franceServicesHoursToFrench(week),
    [
      'Lundi et mardi : de 9 h à 12 h et de 13 h 30 à 17 h',
      'Mercredi et samedi : de 9 h à 12 h',
      'Jeudi : de 9 h à 12 h 30 sur rendez-vous et de 13 h 30 à 17 h sans rendez-vous',
    ].join('\n'),
  );
  assert.equal(franceServicesHoursToFrench(Array(6).fill('Horaires non communiqués')), null);
  assert.equal(franceServicesHoursToFrench(Array(6).fill('-')), null);
});
