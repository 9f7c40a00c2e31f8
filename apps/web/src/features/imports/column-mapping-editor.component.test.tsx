// The column mapping editor of the imports page: a text field per template column for the source's
// heading, the API's refusals beside the field they name, and a question before a saved source's
// mapping is replaced.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { renderWithApp } from '../../test-support/render-with-app.tsx';
import { ColumnMappingEditor } from './column-mapping-editor.tsx';

const column = (key: string, header: string, required: boolean) => ({
  __typename: 'ImportColumn',
  key,
  header,
  required,
});

const answers = (save: (variables: Record<string, unknown>) => unknown) => ({
  ImportColumns: {
    data: {
      importColumns: [
        column('personCode', 'Mã cán bộ', false),
        column('period', 'Kỳ', true),
        column('received', 'Số hồ sơ tiếp nhận', true),
      ],
    },
  },
  ImportMappings: {
    data: {
      importMappings: [
        {
          __typename: 'ImportMapping',
          kind: 'ONE_STOP_STATS',
          source: 'iGate',
          columns: { period: 'Kỳ báo cáo', received: 'Tổng tiếp nhận' },
          updatedAt: '2026-12-01T00:00:00.000Z',
        },
      ],
    },
  },
  SaveImportMapping: { reply: save },
});

const slow = { timeout: 20_000 };

describe('the column mapping editor', () => {
  it(
    'saves the typed headings of a new source and puts each refusal beside the field it names',
    slow,
    async () => {
      const user = userEvent.setup();
      const onSaved = vi.fn();
      const { calls } = renderWithApp(
        <ColumnMappingEditor initialKind="ONE_STOP_STATS" onSaved={onSaved} />,
        {
          role: 'OFFICER',
          answers: answers(() => ({
            saveImportMapping: {
              __typename: 'ValidationError',
              code: 'BAD_USER_INPUT',
              message: 'invalid',
              fields: [
                {
                  __typename: 'FieldError',
                  field: 'columns.received',
                  message: 'Cần tên cột trong tệp nguồn / the source heading is required',
                },
              ],
            },
          })),
        },
      );
      const received = await screen.findByLabelText(/Số hồ sơ tiếp nhận/);
      expect(screen.getByText('Số hồ sơ tiếp nhận').closest('label')?.textContent).toContain(
        messages['importMapping.required'],
      );
      await user.type(screen.getByLabelText(messages['importMapping.sourceName']), 'VNPT iOffice');
      await user.type(screen.getByLabelText(/^Kỳ/), 'Kỳ giao việc');
      await user.type(received, 'Tổng số');
      await user.click(screen.getByRole('button', { name: messages['importMapping.save'] }));
      const item = received.closest('.ant-form-item') as HTMLElement;
      await within(item).findByText('Cần tên cột trong tệp nguồn / the source heading is required');
      const saves = calls.filter((call) => call.operationName === 'SaveImportMapping');
      expect(saves.map((call) => call.variables)).toEqual([
        {
          kind: 'ONE_STOP_STATS',
          source: 'VNPT iOffice',
          columns: { period: 'Kỳ giao việc', received: 'Tổng số' },
        },
      ]);
      expect(onSaved).not.toHaveBeenCalled();
    },
  );

  it('opens a saved source with its headings and asks before replacing them', slow, async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { calls } = renderWithApp(<ColumnMappingEditor initialKind="ONE_STOP_STATS" onSaved={onSaved} />, {
      role: 'OFFICER',
      answers: answers((variables) => ({
        saveImportMapping: {
          __typename: 'SaveImportMappingSuccess',
          data: { __typename: 'ImportMapping', updatedAt: '2026-12-02T00:00:00.000Z', ...variables },
        },
      })),
    });
    await screen.findByLabelText(/Số hồ sơ tiếp nhận/);
    await user.type(screen.getByLabelText(messages['importMapping.sourceName']), 'iGate');
    await user.tab();
    await waitFor(() => expect(screen.getByLabelText(/^Kỳ/)).toHaveProperty('value', 'Kỳ báo cáo'));
    await user.type(screen.getByLabelText(/Mã cán bộ/), 'Mã CB');
    await user.click(screen.getByRole('button', { name: messages['importMapping.save'] }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(
      messages['importMapping.overwriteTitle'].replace('{source}', 'iGate'),
    );
    expect(calls.some((call) => call.operationName === 'SaveImportMapping')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: messages['importMapping.overwrite'] }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('ONE_STOP_STATS', 'iGate'));
    expect(calls.find((call) => call.operationName === 'SaveImportMapping')?.variables.columns).toEqual({
      personCode: 'Mã CB',
      period: 'Kỳ báo cáo',
      received: 'Tổng tiếp nhận',
    });
  });
});
