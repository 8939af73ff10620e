import { describe, expect, it } from "vitest";
import { clientNetwork, displayAddress, requestDevice } from "./request-device";

const from = (forwardedFor: string) => requestDevice(new Headers({ "x-forwarded-for": forwardedFor, "user-agent": "test" })).ipAddress;

describe("the client's address", () => {
  it("is kept whole and shown compressed for IPv6, not masked to its /64", () => {
    expect(from("::1")).toBe("::1");
    expect(from("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(from("2001:db8:85a3::8a2e:370:7334")).toBe("2001:db8:85a3::8a2e:370:7334");
  });

  it("is IPv4 as it is, an IPv4-mapped IPv6 address included", () => {
    expect(from("203.0.113.7")).toBe("203.0.113.7");
    expect(from("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });

  it("is compressed the same way when better-auth stored it written out", () => {
    expect(displayAddress("0000:0000:0000:0000:0000:0000:0000:0001")).toBe("::1");
    expect(displayAddress(null)).toBeNull();
  });
});

describe("the network a rate limit counts", () => {
  it("is the /64 of an IPv6 address, so a subscriber's many addresses share one allowance", () => {
    expect(clientNetwork("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(clientNetwork("2001:db8:1:2::1"));
    expect(clientNetwork("2001:db8:1:3::1")).not.toBe(clientNetwork("2001:db8:1:2::1"));
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
  });

  it("is the address itself for IPv4", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
  });
});
