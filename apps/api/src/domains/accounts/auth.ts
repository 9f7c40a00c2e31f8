import {
  isSecureRequest,
  serializeClearedSessionCookie,
  serializeSessionCookie,
} from '../../auth/cookies.ts';
import { isKnownDevice, serializeDeviceCookie } from '../../auth/login-device.ts';
import { builder } from '../../builder.ts';
import { ValidationError } from '../../errors.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { changePassword } from './services/change-password.ts';
import { type LogInResult, logIn } from './services/log-in.ts';
import { logOut } from './services/log-out.ts';
import { UserRef } from './user.ts';

const LoginPayload = builder.objectRef<LogInResult>('LoginPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'send as `Authorization: Bearer <token>`; shown once' }),
    csrfToken: t.exposeString('csrfToken', {
      description: 'cookie-authenticated requests must send it in the `x-csrf-token` header',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.field({ type: UserRef, nullable: false, resolve: (payload) => payload.user }),
  }),
});

builder.queryFields((t) => ({
  me: t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    resolve: (query, _root, _args, context) =>
      context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: context.viewer.userId } }),
  }),
}));

builder.prismaObjectField('User', 'csrfToken', (t) =>
  t.string({
    nullable: true,
    description: 'the CSRF token of the current session; only on `me`',
    resolve: (user, _args, context) => (context.viewer?.userId === user.id ? context.viewer.csrfToken : null),
  }),
);

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    skipTypeScopes: true,
    args: {
      username: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, context) => {
      const result = await logIn({
        prisma: context.prisma,
        throttle: context.throttle,
        isKnownDevice: (userId) => isKnownDevice(context.request, context.config.secretKey, userId),
        username: args.username,
        password: args.password,
        ip: context.clientIp,
        userAgent: context.request.headers.get('user-agent'),
        sessionTtlHours: context.config.sessionTtlHours,
      });
      context.setCookie(
        serializeSessionCookie({
          token: result.token,
          maxAgeSeconds: context.config.sessionTtlHours * 3600,
          secure: isSecureRequest(context.request),
        }),
      );
      context.setCookie(
        serializeDeviceCookie({
          secret: context.config.secretKey,
          userId: result.user.id,
          secure: isSecureRequest(context.request),
        }),
      );
      return result;
    },
  }),
  logout: t.withAuth({ loggedIn: true }).boolean({
    args: { everywhere: t.arg.boolean({ required: false, description: 'end every session of the account' }) },
    resolve: async (_root, args, context) => {
      await logOut({ prisma: context.prisma, viewer: context.viewer, everywhere: args.everywhere ?? false });
      context.setCookie(serializeClearedSessionCookie(isSecureRequest(context.request)));
      return true;
    },
  }),
  changePassword: t.withAuth({ loggedIn: true }).boolean({
    errors: { types: [ValidationError] },
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, context) => {
      await changePassword({
        prisma: context.prisma,
        viewer: context.viewer,
        currentPassword: args.currentPassword,
        newPassword: args.newPassword,
      });
      return true;
    },
  }),
}));
