/**
 * The China–Arab partner statements and China's label sheet in Chinese and Arabic: no English word of the rule data
 * (names of events, decrees and standards, locators), no raw pack id, no raw key. Source names come through the
 * `sourcenotes` namespace; only codes, units, act names of the allow-list and the user's own words stay in Latin script.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allT } from '../../../test/helpers/i18n';
import { sampleJson } from '../../../test/helpers/samples';
import { leaks, ownWords } from '../../../test/helpers/leak-check';
import type { TFunction } from '../i18n/translate';
import { Dataset } from '../model/dataset';
import { buildLabelSheet } from '../label/sheet';
import { renderLabelHtml } from '../label/sheet-html';
import { buildStatement, resolveTarget, statementTargets } from './statement';
import { renderStatementHtml } from './statement-html';
import type { DocLang } from './html';
import { sourceNoteKey } from '../i18n/source-note';

const UNCERTAIN_SUMMIT = 'Outcome of the 2026 summit regarding green standards or mutual recognition not found.';

let T: Record<'en' | 'zh' | 'ar', TFunction>;
beforeAll(async () => {
  T = await allT();
});

/** The text a reader reads: tags dropped (addresses in .url spans too: they are codes), entities decoded. */
const text = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<span class="url"[^>]*>[^<]*<\/span>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

const SAMPLES = ['aluminium-ingot-ningxia.json', 'cement-grey-portland.json'];
const own = ownWords();

describe('partner statements and label sheets in zh and ar', () => {
  for (const f of SAMPLES)
    for (const lng of ['zh', 'ar'] as const) {
      it(`${f}, ${lng}: every statement target`, () => {
        const ds = Dataset.parse(sampleJson(f));
        const found: string[] = [];
        for (const id of statementTargets()) {
          const tg = resolveTarget(id);
          if ('key' in tg) throw new Error(id);
          const html = renderStatementHtml(buildStatement(ds, tg), [{ lang: lng as DocLang, t: T[lng] }]);
          for (const l of leaks(text(html), lng, own)) found.push(`${id}: ${l}`);
          // an uncertain source says why, in the reader's language
          expect(text(html), id).toContain(T[lng](sourceNoteKey(UNCERTAIN_SUMMIT)));
        }
        expect(found).toEqual([]);
      });
      it(`${f}, ${lng}: label sheet`, () => {
        const html = renderLabelHtml(buildLabelSheet(Dataset.parse(sampleJson(f))), [{ lang: lng as DocLang, t: T[lng] }]);
        expect(leaks(text(html), lng, own)).toEqual([]);
      });
    }
});
