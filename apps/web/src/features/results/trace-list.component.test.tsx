// The engine's reasons as a person reads them: its Vietnamese findings and their legal citations,
// never its internal codes (rule ids, effects such as "+LDTT" or "ROTATION:ACTIVE").
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { renderWithApp } from '../../test-support/render-with-app.tsx';
import { TraceList } from './trace-list.tsx';

const trace = [
  {
    rule: 'title.ldtt',
    citation: 'Luật Thi đua, khen thưởng 2022, Điều 26',
    effect: '+LDTT',
    detail: 'Đủ điều kiện danh hiệu Lao động tiên tiến',
  },
  {
    rule: 'flag.rotation',
    citation: 'Nghị định 59/2019/NĐ-CP, Điều 25',
    effect: 'ROTATION:ACTIVE',
    detail: 'Giữ vị trí nhạy cảm quá thời hạn chuyển đổi',
  },
];

describe('the engine’s reasons', () => {
  it('shows the findings and their citations in Vietnamese, without the engine’s codes', async () => {
    renderWithApp(<TraceList trace={trace} />, { answers: {} });
    const list = await screen.findByTestId('trace');
    expect(screen.getByText('Đủ điều kiện danh hiệu Lao động tiên tiến')).toBeTruthy();
    expect(
      screen.getByText(`${messages['results.trace.citation']}: Nghị định 59/2019/NĐ-CP, Điều 25`),
    ).toBeTruthy();
    for (const code of ['+LDTT', 'ROTATION:ACTIVE', 'title.ldtt', 'flag.rotation']) {
      expect(list.textContent).not.toContain(code);
    }
  });
});
