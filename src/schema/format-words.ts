// How messages name each string format (kept apart from the format regexes, which only the
// build needs).

export const FORMAT_WORDS: Record<string, string> = {
  uuid: 'a UUID such as 0b11747a-b139-492f-9692-2df0b1c87193',
  ipv4: 'an IPv4 address such as 192.168.0.10',
  ipv6: 'an IPv6 address such as 2001:db8::10',
  ip: 'an IPv4 or IPv6 address',
};
