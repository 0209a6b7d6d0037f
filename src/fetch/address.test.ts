import { describe, expect, it } from 'vitest';
import { nonPublicReason, parseV6 } from './address.ts';

describe('nonPublicReason', () => {
  it.each([
    ['127.0.0.1', /^loopback/],
    ['127.255.255.254', /^loopback/],
    ['0.0.0.0', /^unspecified/],
    ['10.1.2.3', /^private/],
    ['172.16.0.1', /^private/],
    ['172.31.255.255', /^private/],
    ['192.168.1.1', /^private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['169.254.169.254', /^link-local \(cloud metadata\)/],
    ['224.0.0.1', /^multicast/],
    ['239.255.255.250', /^multicast/],
    ['240.0.0.1', /^reserved/],
    ['255.255.255.255', /^reserved/],
    ['192.0.2.7', /^reserved/],
    ['198.18.0.1', /^reserved/],
    ['::', /^unspecified/],
    ['::1', /^loopback/],
    ['[::1]', /^loopback/],
    ['::ffff:127.0.0.1', /^loopback \(IPv4-mapped\)/],
    ['::ffff:7f00:1', /^loopback \(IPv4-mapped\)/],
    ['::ffff:a9fe:a9fe', /^link-local \(cloud metadata\) \(IPv4-mapped\)/],
    ['::127.0.0.1', /^loopback \(IPv4-compatible\)/],
    ['64:ff9b::7f00:1', /^loopback \(NAT64\)/],
    ['64:ff9b::10.0.0.1', /^private \(NAT64\)/],
    ['64:ff9b:1::1', /^private \(local NAT64\)/],
    ['2002:7f00:1::1', /^loopback \(6to4\)/],
    ['fc00::1', /^private \(unique local\)/],
    ['fd12:3456:789a::1', /^private \(unique local\)/],
    ['fe80::1', /^link-local/],
    ['fe80::1%eth0', /^link-local/],
    ['fec0::1', /^private \(site-local\)/],
    ['ff02::1', /^multicast/],
    ['2001:db8::1', /^reserved \(documentation\)/],
    ['2001:0::1', /^reserved \(IETF/],
    ['100::1', /^reserved \(discard\)/],
    ['4000::1', /^reserved$/],
    ['localhost', /^not an IP address$/],
  ])('%s is refused: %s', (address, reason) => {
    expect(nonPublicReason(address)).toMatch(reason);
  });

  it.each([
    '8.8.8.8',
    '93.184.216.34',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4009:81f::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('%s is public', (address) => {
    expect(nonPublicReason(address)).toBeNull();
  });
});

describe('parseV6', () => {
  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['fe80::1:2', [0xfe80, 0, 0, 0, 0, 0, 1, 2]],
  ])('%s', (text, groups) => {
    expect(parseV6(text)).toEqual(groups);
  });

  it('rejects what is not IPv6', () => {
    expect(parseV6('1.2.3.4')).toBeNull();
    expect(parseV6('example.com')).toBeNull();
    expect(parseV6('1:2:3')).toBeNull();
  });
});
