// The CLI's tables: columns padded to their widest cell (the last one left as it is), then a total line.
export function textTable(header: string[], lines: string[][], total: string): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column < cells.length - 1 ? cell.padEnd(widths[column]) : cell)).join('  ');
  return [format(header), ...lines.map(format), total].join('\n') + '\n';
}
