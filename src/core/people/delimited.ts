/**
 * Delimited text (CSV, or TSV as Excel copies a selection) → records of cells, with the line each
 * record starts on. One reader for both ways in: the pasted text on the page and an uploaded .csv on
 * the server. Pure.
 */

export interface Cells {
  /** 1-based line of the text where the record starts: what the admin sees in their editor. */
  line: number;
  cells: string[];
}

/**
 * Splits into records, honouring quotes (Excel quotes cells that hold delimiters, quotes or newlines;
 * `""` inside quotes is one quote). Records whose cells are all blank are dropped, line numbers kept.
 */
export function splitRecords(text: string, delimiter: string): Cells[] {
  const out: Cells[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  endRecord();
  return out;
}

/** Tab when the first line has one (a paste from Excel), else comma, else the full-width comma. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (firstLine.includes('\t')) return '\t';
  return firstLine.includes(',') || !firstLine.includes('，') ? ',' : '，';
}

/** Text → records, a leading byte-order mark (Excel's "CSV UTF-8") dropped. */
export function readDelimited(text: string): Cells[] {
  const body = text.replace(/^\uFEFF/, '');
  return splitRecords(body, detectDelimiter(body));
}
