// An amount of money in Vietnamese words, as decisions write the total after the figure:
// 2.340.000 → "Hai triệu ba trăm bốn mươi nghìn đồng".

const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const scales = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'];

function threeDigits(value: number, full: boolean): string {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(`${digits[hundreds]} trăm`);
  if (tens === 0) {
    if (ones > 0 && (full || hundreds > 0)) words.push('linh');
  } else if (tens === 1) words.push('mười');
  else words.push(`${digits[tens]} mươi`);
  if (ones > 0) {
    if (ones === 1 && tens > 1) words.push('mốt');
    else if (ones === 5 && tens > 0) words.push('lăm');
    else if (ones === 4 && tens > 1) words.push('tư');
    else words.push(digits[ones] ?? '');
  }
  return words.join(' ');
}

export function amountInWords(amount: number): string {
  const value = Math.round(Math.abs(amount));
  if (value === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index] ?? 0;
    if (group === 0) continue;
    const full = index < groups.length - 1;
    words.push(`${threeDigits(group, full)} ${scales[index] ?? ''}`.trim());
  }
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
