import { builder } from '../builder.ts';
import {
  type AppError,
  appErrorCodes,
  appErrorMapping,
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  QuotaExceededError,
  RuleViolationError,
  ValidationError,
} from '../errors.ts';

// Tier 2 of the error design: errors a client must handle come back as typed results.

export const ErrorCode = builder.enumType('ErrorCode', {
  values: Object.fromEntries(appErrorCodes.map((code) => [appErrorMapping[code].graphql, { value: code }])),
});

export const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message', { description: 'in Vietnamese' }),
    code: t.field({ type: ErrorCode, resolve: (error) => error.code }),
    messageKey: t.string({
      nullable: true,
      description:
        'the key of the message in packages/messages, for clients that show it in another language',
      resolve: (error) => error.messageKey,
    }),
    messageParams: t.field({
      type: 'JSON',
      nullable: true,
      description: 'the values the message names',
      resolve: (error) => error.messageParams,
    }),
  }),
});

const FieldError = builder.objectRef<FieldIssue>('FieldError').implement({
  fields: (t) => ({
    field: t.exposeString('field', { description: 'dotted path of the input field, e.g. input.fullName' }),
    message: t.exposeString('message', { description: 'in Vietnamese' }),
    messageKey: t.string({ nullable: true, resolve: (issue) => issue.messageKey ?? null }),
    messageParams: t.field({ type: 'JSON', nullable: true, resolve: (issue) => issue.messageParams ?? null }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fields: t.field({ type: [FieldError], resolve: (error) => error.issues }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description:
    'The row changed since the client read it (optimistic locking) or the action clashes with current state',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.int({ nullable: true, resolve: (error) => error.currentVersion }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Not found, or outside the caller’s scope: the two are indistinguishable',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(QuotaExceededError, {
  name: 'QuotaExceededError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    unitId: t.exposeID('unitId'),
    allowed: t.exposeInt('allowed'),
    granted: t.exposeInt('granted'),
  }),
});

builder.objectType(RuleViolationError, {
  name: 'RuleViolationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    rule: t.exposeString('rule'),
    citation: t.exposeString('citation', { nullable: true }),
  }),
});

/** The typed errors most mutations return. */
export const commonErrors = [ValidationError, ForbiddenError, NotFoundError];
export const writeErrors = [ValidationError, ForbiddenError, NotFoundError, ConflictError];
