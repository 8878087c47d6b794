// About two hundred of the passwords people choose most, from the published top lists of large
// leaks, Chinese sites' leaks (CSDN, 天涯, 12306) included: 520/1314 ("I love you for life"),
// pinyin (woaini, zhang), QQ numbers, keyboard walks. Lower case, most common first. zxcvbn's
// English lists rank these too low (woaini1314 passed), so they are one more of its
// dictionaries (password-strength.ts), matched inside longer passwords too.

export const COMMON_PASSWORDS: readonly string[] = [
  // digits
  '123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', '12345',
  '111111', '1111111', '11111111', '111111111', '1111111111', '000000', '00000000',
  '000000000', '0000000000', '666666', '66666666', '888888', '88888888', '999999',
  '99999999', '222222', '22222222', '123123', '123123123', '321321', '654321', '87654321',
  '987654321', '9876543210', '123321', '123321123', '12344321', '112233', '11223344',
  '121212', '12121212', '123654', '123654789', '147258', '147258369', '159357', '159753',
  '789456', '789456123', '456789', '741852963', '963852741', '12341234', '1234554321',
  '5201314', '52013145201314', '5201314520', '1314520', '1314520520', '5211314', '521521',
  '520520', '520520520', '7758521', '7758258', '110110', '110110110', '31415926',
  '3141592653', '19491001', '20080808', '19861010', '19901010', '1122334455', '123456654321',
  // letters and digits
  'a123456', 'a1234567', 'a12345678', 'a123456789', 'aa123456', 'aa12345678', 'abc123',
  'abc123456', 'abc12345678', 'abcd1234', 'abcd123456', 'a1b2c3d4', 'a1b2c3', '123456a',
  '123456aa', '123456abc', '123456789a', '1234abcd', '123abc', 'qq123456', 'qq5201314',
  '123456qq', 'qwe123', 'qwe123456', '123qwe', '123qweasd', '1q2w3e', '1q2w3e4r',
  '1q2w3e4r5t', '1qaz2wsx', '1qaz2wsx3edc', 'zaq12wsx', 'qaz123', 'qazwsx', 'qazwsx123',
  'qazwsxedc', 'asd123', 'asd123456', 'zxc123', 'zxc123456', 'woaini', 'woaini1314',
  'woaini520', 'woaini521', 'woaini123', 'woaini1314520', 'iloveyou', 'iloveyou1314',
  'love1314', 'aini1314', 'wangyut2', 'dearbook', 'xiazhili', 'zhang123', 'wang123',
  'li123456', 'liu123456', 'chen123456', 'zhangwei', 'wangjing', 'huang123', 'zhongguo',
  'woshishui', 'nihao123', 'tianya123', 'baobao', 'p@ssw0rd', 'passw0rd', 'password',
  'password1', 'password123', 'admin', 'admin123', 'admin888', 'admin@123', 'root',
  'root123', 'test123', 'guest', 'letmein', 'welcome', 'welcome1', 'monkey', 'dragon',
  'master', 'shadow', 'sunshine', 'princess', 'football', 'baseball', 'superman',
  'batman', 'trustno1', 'starwars', 'whatever', 'freedom', 'michael', 'jennifer',
  'charlie', 'hello123', 'hello', 'computer', 'internet', 'secret', 'changeme',
  // keyboard walks
  'qwerty', 'qwerty123', 'qwertyui', 'qwertyuiop', 'asdfgh', 'asdfghjk', 'asdfghjkl',
  'asdasd', 'asdasdasd', 'asdfasdf', 'zxcvbnm', 'zxcvbn', 'qweasd', 'qweasdzxc',
  'qweqweqwe', '1qazxsw2', 'q1w2e3r4', 'q1w2e3r4t5', '!qaz2wsx', '1q2w3e4r5t6y',
  // the same walks typed with shift on every other column, as many systems' rules push people to
  '1qaz@wsx', '1qaz@wsx3edc', '1qaz@wsx#edc', '!qaz@wsx', '!qaz2wsx#edc', 'zaq1@wsx', '1q2w3e4r%t',
  // this platform's own words: its name and what its units are, guessed first against it
  'zhengji', 'dangjian', 'dangwei', 'dangzhibu', 'dangyuan', 'dangzuzhi', 'shequ', 'jiedao',
  'gongchandang', 'zhonggong', 'weirenminfuwu',
  // repeated letters
  'aaaaaa', 'aaaaaaaa', 'abcdef', 'abcdefg', 'abcdefgh', 'abc123abc', 'qqqqqq', 'qqqqqqqq',
];
