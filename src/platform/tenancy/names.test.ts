import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceSubject, withArticle } from './names';

test('an authority’s name takes the article of the body it names, none when it starts with a place', () => {
  assert.equal(withArticle('Région Bretagne'), 'la Région Bretagne');
  assert.equal(withArticle('Département du Finistère'), 'le Département du Finistère');
  assert.equal(withArticle('Ville de Brest'), 'la Ville de Brest');
  assert.equal(withArticle('Communauté de communes du Pays de Landivisiau'), 'la Communauté de communes du Pays de Landivisiau');
  assert.equal(withArticle('Agglomération du Pays de Quimperlé'), 'l’Agglomération du Pays de Quimperlé');
  assert.equal(withArticle('Brest métropole'), 'Brest métropole');
  assert.equal(withArticle('Rennes Métropole'), 'Rennes Métropole');
  assert.equal(sentenceSubject('Région Bretagne'), 'La Région Bretagne');
  assert.equal(sentenceSubject('Département d’Ille-et-Vilaine'), 'Le Département d’Ille-et-Vilaine');
  assert.equal(sentenceSubject('Brest métropole'), 'Brest métropole');
});
