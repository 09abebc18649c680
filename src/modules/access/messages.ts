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
  'access.username.format': { 'zh-CN': '用户名只能由字母、数字和 _ . - 组成，长 2–64 个字符', en: 'Letters, digits, _ . - only, 2–64 characters' },
  'access.password.too_short': { 'zh-CN': '密码至少 8 个字符', en: 'At least 8 characters' },
  'access.scope.format': { 'zh-CN': '辖区应为 2、4、6、9 或 12 位区划代码', en: 'A division code prefix of 2, 4, 6, 9 or 12 digits' },
  'access.update.nothing_to_change': { 'zh-CN': '没有要修改的内容', en: 'Nothing to change' },
  'access.update.password_twice': { 'zh-CN': '请填写新密码或选择自动生成，不能两者都选', en: 'Give a password or ask for a generated one, not both' },
});
