import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { translate } from './i18n-context.tsx';
import { vi } from './vi.ts';
import { viLogin } from './vi-login.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('has every Vietnamese key in English, and no extra English key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('gives the login route the same Vietnamese as the whole dictionary', () => {
    for (const [key, text] of Object.entries(viLogin)) expect(text, key).toBe(vi[key as keyof typeof vi]);
  });

  it('has no empty message', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('writes the ratings and titles with their official Vietnamese names', () => {
    expect(vi['rating.EXCELLENT']).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(vi['rating.GOOD']).toBe('Hoàn thành tốt nhiệm vụ');
    expect(vi['rating.COMPLETED']).toBe('Hoàn thành nhiệm vụ');
    expect(vi['rating.NOT_COMPLETED']).toBe('Không hoàn thành nhiệm vụ');
    expect(vi['title.CSTDCS']).toBe('Chiến sĩ thi đua cơ sở');
    expect(vi['flag.STREAMLINING']).toBe('Tinh giản biên chế');
    expect(vi['role.COUNCIL_MEMBER']).toContain('Hội đồng Thi đua – Khen thưởng');
  });

  it('fills placeholders', () => {
    expect(translate(vi, 'people.count', { count: '1.234' })).toBe('1.234 người');
    expect(translate(en, 'cycles.overdue', { days: 3 })).toBe('3 days overdue');
  });
});
