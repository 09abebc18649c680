import { registerMessages } from '../../platform/messages.js';

/** Server messages of the access module (zh-CN, en). */
registerMessages({
  'access.unknown_division': { 'zh-CN': '没有代码为 {value} 的行政区划', en: 'No division with code {value}' },
  'access.username_taken': { 'zh-CN': '用户名 {value} 已被占用', en: 'The user name {value} is already taken' },
  'access.scope_outside': {
    'zh-CN': '辖区 {value} 不在您的管辖范围内',
    en: 'The scope {value} is outside your own division scope',
  },
  'access.disable_self': { 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  'access.demote_self': { 'zh-CN': '不能修改自己的角色或辖区', en: 'You cannot change your own role or scope' },
  'access.user_not_found': { 'zh-CN': '没有这个用户', en: 'No such user' },
  'errors.manage_users_forbidden': { 'zh-CN': '您的角色不能管理用户', en: 'Your role may not manage users' },
});
