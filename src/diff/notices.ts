/**
 * Correction and update notices, in the languages Redline's sources mostly write in (English,
 * German, French, Spanish, Italian, Portuguese, Dutch). Two shapes: a label with a colon that
 * opens a paragraph or sentence ("Correction:", "Update 2:", "Mise à jour :"), and the stock
 * sentences anywhere ("This article has been amended", "An earlier version of this story").
 */
const LABELS = [
  // en
  'corrections?',
  'clarifications?',
  'updated?',
  "editor['’]s note",
  "editors['’] note",
  'amendment',
  // de
  'korrektur',
  'berichtigung',
  'richtigstellung',
  'aktualisierung',
  'aktualisiert',
  'anmerkung der redaktion',
  'hinweis der redaktion',
  'nachtrag',
  // fr
  'rectificatif',
  'mise à jour',
  'mis à jour',
  'précision',
  'erratum',
  'note de la rédaction',
  // es
  'corrección',
  'actualización',
  'actualizado',
  'fe de errores',
  'fe de erratas',
  'aclaración',
  'nota del editor',
  'nota de la redacción',
  // it
  'correzione',
  'aggiornamento',
  'aggiornato',
  'rettifica',
  'precisazione',
  'nota della redazione',
  // pt
  'correção',
  'atualização',
  'atualizado',
  'errata',
  'esclarecimento',
  'nota da redação',
  'nota do editor',
  // nl
  'correctie',
  'rectificatie',
  'naschrift',
  'noot van de redactie',
  'bijgewerkt',
];

/** A label, optionally numbered or timed ("Update 2", "Updated (3pm)", "UPDATE, 10:30 GMT"), then a colon or dash. */
const LABEL = new RegExp(
  `(?:^|(?<=[.!?…]\\s+)|(?<=^[(\\[*]))(?:${LABELS.join('|')})(?:\\s*\\d+|\\s*\\([^)]{0,30}\\)|,?\\s+(?:at\\s+)?\\d{1,2}[:.h]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?\\s*[:—–]`,
  'iu',
);

const SENTENCES = [
  // en
  /\bthis (?:article|story|report|piece|post|page|item) (?:has been|was|had been) (?:amended|updated|corrected|changed|revised|edited|clarified)/i,
  /\ban? (?:earlier|previous|prior|original) version of this (?:article|story|report|piece|post)/i,
  /\bwe (?:have )?(?:corrected|amended|updated|clarified) (?:this|the|an earlier version of this) (?:article|story|report)/i,
  /\bthis (?:article|story) (?:contains|includes) (?:a )?corrections?/i,
  // de
  /in einer (?:früheren|vorherigen|älteren|ersten) (?:version|fassung) dieses (?:artikels|textes|beitrags)/iu,
  /(?:dieser|der) (?:artikel|text|beitrag) wurde (?:nachträglich )?(?:aktualisiert|korrigiert|geändert|ergänzt|berichtigt)/iu,
  // fr
  /cet article a été (?:modifié|mis à jour|corrigé|actualisé|complété)/iu,
  /une (?:précédente|première|ancienne) version de cet article/iu,
  // es
  /este (?:artículo|texto) (?:ha sido|fue) (?:actualizado|corregido|modificado|ampliado)/iu,
  /una versión (?:anterior|previa) de (?:este|esta) (?:artículo|texto|nota|información)/iu,
  // it
  /questo articolo è stato (?:aggiornato|corretto|modificato|rettificato)/iu,
  /una (?:precedente|prima) versione di questo articolo/iu,
  // pt
  /est[ea] (?:artigo|texto|reportagem|matéria|notícia) foi (?:atualizad[ao]|corrigid[ao]|modificad[ao])/iu,
  /uma versão anterior dest[ea] (?:artigo|texto|reportagem|matéria|notícia)/iu,
  // nl
  /dit (?:artikel|bericht|stuk) is (?:aangepast|bijgewerkt|gecorrigeerd|gewijzigd)/iu,
  /in een eerdere versie van dit (?:artikel|bericht|stuk)/iu,
];

const ALL = [new RegExp(LABEL.source, 'giu'), ...SENTENCES.map((re) => new RegExp(re.source, re.flags + 'g'))];

/** Words one of which every notice holds: texts without any are skipped at the cost of one scan. */
const HINT =
  /correc|clarif|updat|amend|editor|version|korrektur|berichtig|richtigstell|aktualisi|anmerkung|hinweis|nachtrag|artikel|rectificatif|mis[e]? à jour|précision|erratum|rédaction|article|actualiza|fe de err|aclaraci|nota de|correzion|aggiorna|rettifica|precisazion|redazione|correç|atualiza|errata|esclarec|redação|texto|correctie|rectificatie|naschrift|redactie|bijgewerkt|aangepast/i;

/** Whether a text holds one of the words every notice holds (a cheap test before noticeRanges). */
export function mayHoldNotice(text: string): boolean {
  return HINT.test(text);
}

/** [start, end) ranges of every notice in a text. */
export function noticeRanges(text: string): [number, number][] {
  if (!HINT.test(text)) return [];
  const out: [number, number][] = [];
  for (const re of ALL) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
