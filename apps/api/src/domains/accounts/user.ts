import type { StringValidationOptions } from '@pothos/plugin-zod';
import { builder } from '../../builder.ts';
import { ConflictError } from '../../errors.ts';
import { optionalLocalId } from '../../ids.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { RoleEnum } from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { likeLiteral } from '../../scope/like-pattern.ts';
import { keyed } from '../../validation.ts';
import { buildUsersWhere } from './build-users-where.ts';
import { createUser } from './services/create-user.ts';
import { resetPassword } from './services/reset-password.ts';
import { updateUser } from './services/update-user.ts';

export const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildUsersWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: RoleEnum }),
    active: t.exposeBoolean('active'),
    mustChangePassword: t.exposeBoolean('mustChangePassword'),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    scopeUnit: t.relation('scopeUnit', { nullable: true }),
    person: t.relation('person', { nullable: true }),
  }),
});

const usernameValidation: StringValidationOptions = {
  minLength: [3, { message: keyed('user.usernameTooShort') }],
  maxLength: [60, { message: keyed('user.usernameTooLong') }],
  regex: [/^[a-zA-Z0-9._-]+$/, { message: keyed('user.usernameCharacters') }],
};

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, validate: usernameValidation }),
    displayName: t.string({
      required: true,
      validate: { minLength: [1, { message: keyed('user.displayNameEmpty') }] },
    }),
    password: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    scopeUnitId: t.globalID({ required: false }),
    personId: t.globalID({ required: false }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    displayName: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    scopeUnitId: t.globalID({ required: false }),
    personId: t.globalID({ required: false }),
    active: t.boolean({
      required: false,
      description: 'false deactivates the account and ends its sessions',
    }),
  }),
});

builder.queryFields((t) => ({
  users: t.withAuth({ role: 'ADMIN' }).prismaConnection({
    type: 'User',
    cursor: 'id',
    args: { search: t.arg.string({ required: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.user.findMany({
        ...query,
        where: {
          AND: [
            buildUsersWhere({ viewer: context.viewer }),
            args.search
              ? {
                  OR: [
                    { username: { contains: likeLiteral(args.search), mode: 'insensitive' } },
                    { displayName: { contains: likeLiteral(args.search), mode: 'insensitive' } },
                  ],
                }
              : {},
          ],
        },
        orderBy: { username: 'asc' },
      }),
    totalCount: (_root, args, context) =>
      context.prisma.user.count({
        where: {
          AND: [
            buildUsersWhere({ viewer: context.viewer }),
            args.search
              ? {
                  OR: [
                    { username: { contains: likeLiteral(args.search), mode: 'insensitive' } },
                    { displayName: { contains: likeLiteral(args.search), mode: 'insensitive' } },
                  ],
                }
              : {},
          ],
        },
      }),
  }),
}));

builder.mutationFields((t) => ({
  createUser: t.withAuth({ role: 'ADMIN' }).prismaField({
    type: 'User',
    errors: { types: [...writeErrors, ConflictError] },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const { scopeUnitId, personId, ...rest } = args.input;
      const user = await createUser({
        prisma: context.prisma,
        viewer: context.viewer,
        input: {
          ...rest,
          scopeUnitId: optionalLocalId(scopeUnitId, 'Unit', 'input.scopeUnitId'),
          personId: optionalLocalId(personId, 'Person', 'input.personId'),
        },
      });
      return context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: user.id } });
    },
  }),
  updateUser: t.withAuth({ role: 'ADMIN' }).prismaField({
    type: 'User',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: UserRef }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: UpdateUserInput, required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const user = await updateUser({
        prisma: context.prisma,
        viewer: context.viewer,
        id: args.id.id,
        version: args.version,
        input: {
          displayName: args.input.displayName,
          role: args.input.role,
          active: args.input.active,
          ...('scopeUnitId' in args.input
            ? { scopeUnitId: optionalLocalId(args.input.scopeUnitId, 'Unit', 'input.scopeUnitId') }
            : {}),
          ...('personId' in args.input
            ? { personId: optionalLocalId(args.input.personId, 'Person', 'input.personId') }
            : {}),
        },
      });
      return context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: user.id } });
    },
  }),
  deactivateUser: t.withAuth({ role: 'ADMIN' }).prismaField({
    type: 'User',
    description:
      'Locks the account and ends its sessions (reactivate with updateUser(input: { active: true }))',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: UserRef }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const user = await updateUser({
        prisma: context.prisma,
        viewer: context.viewer,
        id: args.id.id,
        version: args.version,
        input: { active: false },
      });
      return context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: user.id } });
    },
  }),
  resetPassword: t.withAuth({ role: 'ADMIN' }).prismaField({
    type: 'User',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: UserRef }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const user = await resetPassword({
        prisma: context.prisma,
        viewer: context.viewer,
        id: args.id.id,
        newPassword: args.newPassword,
      });
      return context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: user.id } });
    },
  }),
}));
