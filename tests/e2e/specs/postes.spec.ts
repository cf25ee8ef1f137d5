// The keys of an ordinateur as a user meets them: choosing the project's passphrase with a
// suggested phrase and its strength, the fingerprint to compare by phone (in Paramètres ›
// Ordinateurs › Détails techniques, with the ids), a new ordinateur told until it was expected, revoking a lost laptop, then changing
// the passphrase (the old one no longer opens this ordinateur's keys; files written before stay readable).
import { join } from 'node:path';
import { cli, cliWithEnv, cliWithPassphrase, initData } from '../harness/data';
import { expect, screenshot, test } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';

const PASSPHRASE = 'coopération 37-41 : phrase de passe';

test('phrase de passe proposée, empreinte, révocation d’un ordinateur perdu, changement de phrase de passe', async ({ launch }) => {
  const claire = initData();
  const nadia = newDataDir();
  cli(nadia, 'init', '--as', 'Nadia Benali', '--partner', '41', '--function', 'Chargée de mission');
  const app = await launch(claire);
  const { page } = app;
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Synchronisation' }).click();

  // A suggested phrase of several words, shown to be written down, and its strength.
  const field = page.getByRole('textbox', { name: 'Phrase de passe de la coopération' });
  await field.fill('court');
  await expect(page.getByRole('status')).toContainText('Trop courte');
  await page.getByRole('button', { name: 'Proposer une phrase de passe' }).click();
  const suggested = await field.inputValue();
  expect(suggested.split('-').length).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole('status')).toContainText(/Bonne|Excellente/);
  // Never kept by Entente: the user is told to write it down.
  await expect(page.getByText(/Notez-la en lieu sûr\s: Entente ne pourra pas vous la montrer de nouveau/)).toBeVisible();
  await screenshot(app, '40-phrase-de-passe-proposee');
  // The project's passphrase is the one the other Département uses: typed here instead.
  await field.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/Les clés de cet ordinateur sont prêtes, gardées par le trousseau du système/)).toBeVisible();
  const ownFingerprint = JSON.parse(cli(claire, 'postes', '--json')).find((poste: { is_this_laptop: boolean }) => poste.is_this_laptop).fingerprint;
  await expect(page.getByText(`Empreinte de la clé de cet ordinateur : ${ownFingerprint}`)).toBeVisible();

  // Nadia's laptop sends its work; Claire sees it in Paramètres › Ordinateurs, its id and fingerprint under « Détails techniques ».
  const fromNadia = join(nadia, 'de-nadia.entente');
  cliWithPassphrase(nadia, PASSPHRASE, 'export', '--to', fromNadia);
  await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [fromNadia] });
  await page.getByRole('button', { name: "Importer un fichier d'échange…" }).click();
  const summary = page.getByRole('dialog', { name: 'Import terminé' });
  await expect(summary).toContainText("Nouvel ordinateur dans la coopération : l'ordinateur de Nadia Benali (Loir-et-Cher)");
  await summary.getByRole('button', { name: 'Fermer' }).last().click();
  // The journal keeps it, after the notice is gone.
  await expect(
    page.getByRole('row', { name: /^.* Import : .* Nouvel ordinateur dans la coopération : l'ordinateur de Nadia Benali \(Loir-et-Cher\)\.$/ }),
  ).toBeVisible();
  // Nadia's ordinateur is new here: told on this screen and beside its link, until Claire says it was expected.
  const toCheck = page.getByRole('alert').filter({ hasText: 'Ordinateurs de la coopération' });
  await expect(toCheck).toContainText(
    /L'ordinateur de Nadia Benali \(Loir-et-Cher\) a rejoint la coopération le \d{1,2}(?:er)? \S+ \d{4}\. Sa clé n'est pas confirmée ici\./,
  );
  const syncLink = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Synchronisation' });
  await expect(syncLink).toHaveAccessibleName('Synchronisation 1 à vérifier');
  await screenshot(app, '41a-nouvel-ordinateur-a-verifier');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }).click();
  const computers = page.getByRole('region', { name: 'Ordinateurs' });
  const nadiaPoste = JSON.parse(cli(nadia, 'postes', '--json')).find((poste: { is_this_laptop: boolean }) => poste.is_this_laptop);
  const nadiaRow = computers.getByRole('row', { name: /Nadia Benali/ }).filter({ has: page.getByRole('button', { name: 'Révoquer…' }) });
  await expect(computers.getByText(nadiaPoste.fingerprint)).toBeHidden();
  await expect(computers.getByText(nadiaPoste.id)).toBeHidden();
  const details = computers.getByRole('button', { name: 'Détails techniques' });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await details.click();
  const nadiaDetails = computers.getByRole('row', { name: new RegExp(nadiaPoste.id) });
  await expect(nadiaDetails).toContainText(nadiaPoste.fingerprint);
  await expect(nadiaDetails).toContainText('Nadia Benali');
  for (const theme of ['clair', 'sombre'] as const) {
    if (theme === 'sombre') await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
    await computers.scrollIntoViewIfNeeded();
    await page.mouse.move(700, 850);
    await screenshot(app, `42b-ordinateurs-details-techniques-${theme}`);
  }
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();
  await details.click();

  // Nadia reads her fingerprint over the phone; Claire types it: a misheard one is refused, said so.
  await nadiaRow.getByRole('button', { name: 'Confirmer la clé…' }).click();
  const confirmKey = page.getByRole('dialog', { name: "Confirmer la clé de l'ordinateur de Nadia Benali" });
  const heard = confirmKey.getByRole('textbox', { name: 'Empreinte lue par Nadia Benali' });
  await heard.fill('0000 1111 2222 3333');
  await confirmKey.getByRole('button', { name: 'Confirmer la clé' }).click();
  await expect(confirmKey).toContainText("Cette empreinte n'est pas celle de la clé de l'ordinateur de Nadia Benali");
  await screenshot(app, '42c-confirmer-une-cle');
  await heard.fill(nadiaPoste.fingerprint.toLowerCase());
  await heard.press('Enter');
  await expect(confirmKey).toBeHidden();
  await expect(nadiaRow).toContainText(/confirmée le \d+/);
  // Confirmed, and expected: no longer told.
  await expect(toCheck).toContainText('Sa clé est confirmée.');
  await toCheck.getByRole('button', { name: 'Tout était attendu, ne plus signaler' }).click();
  await expect(toCheck).toHaveCount(0);
  await expect(syncLink).toHaveAccessibleName('Synchronisation');
  expect(JSON.parse(cli(claire, 'postes', '--json')).find((poste: { id: string }) => poste.id === nadiaPoste.id).key_confirmed_at).toBeTruthy();

  // What Nadia writes next never reaches Claire before the revocation: it will have no effect here.
  cli(nadia, 'action', 'set', 'a4-1', 'status=bloque');
  const unreceived = join(nadia, 'avant-la-revocation.entente');
  cliWithPassphrase(nadia, PASSPHRASE, 'export', '--to', unreceived);

  // Nadia's laptop is lost: revoked, after a confirmation that says what it does.
  await nadiaRow.getByRole('button', { name: 'Révoquer…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Révoquer cet ordinateur ?' });
  await expect(confirm).toContainText('sera sans effet partout où la révocation arrivera');
  // Which of her laptops: the one that joined on that day, last heard of then.
  await expect(confirm).toContainText(/L'ordinateur de Nadia Benali \(Département de Loir-et-Cher\), arrivé dans la coopération le \d+/);
  await screenshot(app, '41-revoquer-un-poste');
  await confirm.getByRole('button', { name: "Révoquer l'ordinateur" }).click();
  const revokedRow = computers.getByRole('row', { name: /Nadia Benali/ }).first();
  await expect(revokedRow).toContainText(/Révoqué le .* par cet ordinateur/);
  await expect(revokedRow).toContainText('— (ordinateur révoqué)');
  await screenshot(app, '42-parametres-postes');
  // The revocation, in a file for Nadia's laptop (read at the end).
  const revocation = join(claire, 'revocation.entente');
  cliWithPassphrase(claire, PASSPHRASE, 'export', '--to', revocation);
  expect(JSON.parse(cli(claire, 'postes', '--json')).find((poste: { id: string; revoked: unknown }) => poste.revoked)).toBeTruthy();

  // A new passphrase for the files written from now on.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Synchronisation' }).click();
  // Nadia's last file, arriving after the revocation: its new update is counted apart, and said to have no effect.
  await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [unreceived] });
  await page.getByRole('button', { name: "Importer un fichier d'échange…" }).click();
  const refused = page.getByRole('dialog', { name: 'Import terminé' });
  await expect(refused).toContainText(
    /dans le fichier de l'ordinateur de Nadia Benali \(Loir-et-Cher\), aucune nouvelle, 1 sans effet \(ordinateur révoqué\)\./,
  );
  await expect(refused).toContainText(
    /1 mise à jour de l'ordinateur de Nadia Benali \(Loir-et-Cher\) sans effet\s: cet ordinateur a été révoqué, et celui qui l'a révoqué ne l'avait pas reçue/,
  );
  await refused.getByRole('button', { name: 'Fermer' }).last().click();
  expect((JSON.parse(cli(claire, 'action', 'show', 'a4-1', '--json')) as { action: { status: string } }).action.status).not.toBe('bloque');
  await page.getByRole('button', { name: 'Changer la phrase de passe' }).click();
  await page.getByRole('textbox', { name: 'Phrase de passe actuelle de cet ordinateur' }).fill('pas la bonne');
  await page.getByRole('textbox', { name: 'Nouvelle phrase de passe de la coopération' }).fill('prairie-violon-nuage-tambour-ruisseau');
  // Typed twice: a typo is caught before anything is sealed with it.
  const again = page.getByRole('textbox', { name: 'La nouvelle phrase de passe, une seconde fois' });
  await again.fill('prairie-violon-nuage-tambour-ruiseau');
  await page.getByRole('button', { name: 'Changer la phrase de passe' }).click();
  await expect(again).toHaveAccessibleDescription('Les deux saisies de la nouvelle phrase de passe diffèrent\u202f: retapez-la.');
  await again.fill('prairie-violon-nuage-tambour-ruisseau');
  await page.getByRole('button', { name: 'Changer la phrase de passe' }).click();
  await expect(page.getByText("Ce n'est pas la phrase de passe de cet ordinateur.")).toBeVisible();
  await page.getByRole('textbox', { name: 'Phrase de passe actuelle de cet ordinateur' }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Changer la phrase de passe' }).click();
  await expect(page.getByText(/Les clés de cet ordinateur sont prêtes/)).toBeVisible();
  // Said, with what to do next: the others need the new one.
  await expect(page.getByRole('alert').filter({ hasText: 'Phrase de passe changée' })).toContainText('donnez-la aux autres ordinateurs');
  await app.close();
  // The old passphrase no longer opens this ordinateur's keys, and says so.
  expect(() => cliWithPassphrase(claire, PASSPHRASE, 'export', '--to', join(claire, 'x.entente'))).toThrow(/ancienne phrase de passe/);
  cliWithPassphrase(claire, 'prairie-violon-nuage-tambour-ruisseau', 'import', fromNadia);

  // Nadia's laptop receives its revocation: every screen says so, for what is typed there no longer counts elsewhere.
  cliWithPassphrase(nadia, PASSPHRASE, 'import', revocation);
  const revoked = await launch(nadia);
  const banner = revoked.page.getByRole('alert').filter({ hasText: 'Cet ordinateur a été révoqué' });
  await expect(banner).toContainText(
    "L'ordinateur de Claire Martin (Indre-et-Loire) l'a révoqué : ce que vous y écrivez ne parviendra plus aux autres ordinateurs.",
  );
  await revoked.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(banner).toBeVisible();
  await screenshot(revoked, '41b-ordinateur-revoque');
  // Synchronisation says it at length, once; and no longer that this laptop's work reached the others.
  await banner.getByRole('link', { name: 'Comment revenir dans la coopération' }).click();
  await expect(revoked.page.getByRole('alert').filter({ hasText: 'Cet ordinateur a été révoqué' })).toHaveCount(1);
  await expect(revoked.page.getByText('Pour revenir, demandez une invitation à un autre ordinateur')).toBeVisible();
  await expect(revoked.page.getByText(/^Vos mises à jour (sont|ne sont pas encore) arrivées partout$/)).toHaveCount(0);
  await revoked.close();
});

test("la phrase de passe changée sur un autre ordinateur : le fichier reçu le dit, la nouvelle s'y vérifie, annoncée par cet ordinateur, avant d'être prise", async ({
  launch,
}) => {
  const NEW_PASSPHRASE = 'prairie-violon-nuage-tambour-ruisseau';
  const claire = initData();
  const nadia = newDataDir();
  cliWithPassphrase(nadia, PASSPHRASE, 'init', '--as', 'Nadia Benali', '--partner', '41');
  const app = await launch(claire);
  const { page } = app;
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Synchronisation' }).click();
  await page.getByRole('textbox', { name: 'Phrase de passe de la coopération' }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/Les clés de cet ordinateur sont prêtes/)).toBeVisible();
  const importFile = async (file: string) => {
    await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [file] });
    await page.getByRole('button', { name: "Importer un fichier d'échange…" }).click();
  };
  const before = join(nadia, 'avant.entente');
  cliWithPassphrase(nadia, PASSPHRASE, 'export', '--to', before);
  await importFile(before);
  await page.getByRole('dialog', { name: 'Import terminé' }).getByRole('button', { name: 'Fermer' }).last().click();

  // Nadia changes the passphrase; her next file is sealed with the new one.
  cliWithEnv(nadia, { ENTENTE_PASSPHRASE: PASSPHRASE, ENTENTE_NEW_PASSPHRASE: NEW_PASSPHRASE }, 'passphrase', 'change');
  cli(nadia, 'action', 'set', 'a4-1', 'progress=35');
  const after = join(nadia, 'apres.entente');
  cliWithPassphrase(nadia, NEW_PASSPHRASE, 'export', '--to', after);
  await importFile(after);
  const changed = page.getByRole('alert').filter({ hasText: 'Un fichier reçu est scellé avec une autre phrase de passe' });
  await expect(changed).toContainText(
    /Le fichier qui se dit de l'ordinateur de Nadia Benali \(Loir-et-Cher\), reçu le \d{1,2}(?:er)?\s\S+\s\d{4}\sà\s\d+\sh(?:\s\d{2})?, est scellé avec une phrase de passe que cet ordinateur ne connaît pas\. Si un changement de phrase de passe vous a été annoncé, appelez Nadia Benali à un numéro que vous connaissez déjà/,
  );
  await expect(changed).toContainText(/Si personne ne vous a annoncé de changement, ne saisissez rien\s: cliquez sur Ignorer/);
  await expect(changed.getByRole('button', { name: 'Ignorer' })).toBeVisible();
  await changed.getByRole('button', { name: 'Saisir la nouvelle phrase de passe…' }).click();
  const typed = changed.getByRole('textbox', { name: 'Nouvelle phrase de passe de la coopération' });
  // A typo would seal this ordinateur's files with a passphrase nobody has: refused, nothing changed.
  await typed.fill('prairie-violon-nuage-tambour-ruiseau');
  await changed.getByRole('button', { name: 'Vérifier' }).click();
  await expect(changed).toContainText("Cette phrase de passe n'ouvre pas le fichier qui se dit de l'ordinateur de Nadia Benali (Loir-et-Cher)");
  await screenshot(app, '43-phrase-de-passe-changee-ailleurs');
  await typed.fill(NEW_PASSPHRASE);
  await typed.press('Enter');
  // Checked, not taken yet: Nadia's file carries her announcement of the new key, signed; she is named first.
  await expect(changed).toContainText(
    /Cette phrase de passe ouvre le fichier, et elle a été annoncée par l'ordinateur de Nadia Benali \(Loir-et-Cher\), signature à l'appui\. Avant de la prendre, confirmez ce changement/,
  );
  await screenshot(app, '43b-phrase-de-passe-annoncee');
  await changed.getByRole('button', { name: 'Prendre cette phrase de passe' }).click();
  await expect(page.getByText('Nouvelle phrase de passe enregistrée')).toBeVisible();
  await expect(page.getByText(/^Annoncée par l'ordinateur de Nadia Benali \(Loir-et-Cher\)\. Les fichiers scellés avec elle s'ouvrent/)).toBeVisible();
  await expect(changed).toHaveCount(0);
  await importFile(after);
  await expect(page.getByRole('dialog', { name: 'Import terminé' })).toContainText("de l'ordinateur de Nadia Benali");
  await app.close();
  // Claire's files are sealed with the new passphrase now; the old one still opens what was written before.
  expect(() => cliWithPassphrase(claire, PASSPHRASE, 'export', '--to', join(claire, 'x.entente'))).toThrow(/ancienne phrase de passe/);
  const fromClaire = join(claire, 'de-claire.entente');
  cliWithPassphrase(claire, NEW_PASSPHRASE, 'export', '--to', fromClaire);
  expect(cliWithPassphrase(nadia, NEW_PASSPHRASE, 'import', fromClaire)).toContain("de l'ordinateur de Claire Martin");
});
