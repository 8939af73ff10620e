import { afterEach, describe, expect, it, vi } from "vitest";
import { isLocalAddress, lookUpPlace, placeFromHeaders, placeName } from "./location";

// Addresses whose place in the DB-IP file we ship is well known and stable from month to month.
describe("the shipped city database", () => {
  it("places public IPv4 addresses in their city and country", async () => {
    expect(await lookUpPlace("8.8.8.8")).toEqual({ city: "Mountain View", country: "US" });
    expect(await lookUpPlace("81.2.69.142")).toEqual({ city: "London", country: "GB" });
    expect(await lookUpPlace("133.242.0.3")).toMatchObject({ country: "JP" });
  });

  it("places public IPv6 addresses, and IPv4 ones written as IPv6", async () => {
    expect(await lookUpPlace("2a00:1450:4001:81c::200e")).toEqual({ city: "Frankfurt am Main", country: "DE" });
    expect(await lookUpPlace("::ffff:81.2.69.142")).toEqual({ city: "London", country: "GB" });
  });

  it("drops the district DB-IP adds in brackets", async () => {
    expect(await lookUpPlace("193.0.6.139")).toEqual({ city: "Amsterdam", country: "NL" });
  });

  it("puts private, loopback and unknown addresses nowhere", async () => {
    for (const address of ["127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "fd00::1", "fe80::1", "100.64.0.1", "not an address", null]) {
      expect(await lookUpPlace(address)).toEqual({ city: null, country: null });
    }
  });
});

describe("a place as people read it", () => {
  it("is the city and the country's English name", () => {
    expect(placeName({ city: "London", country: "GB" }, "81.2.69.142")).toBe("London, United Kingdom");
    expect(placeName({ city: null, country: "JP" }, "133.242.0.3")).toBe("Japan");
  });

  it("is this network for a private or loopback address, and nothing when not known", () => {
    expect(placeName({ city: null, country: null }, "::1")).toBe("This network");
    expect(placeName({ city: null, country: null }, "192.168.1.5")).toBe("This network");
    expect(placeName({ city: null, country: null }, "203.0.113.9")).toBeNull();
    expect(placeName({ city: null, country: null }, null)).toBeNull();
    expect(isLocalAddress("8.8.8.8")).toBe(false);
  });
});

describe("Vercel's geolocation headers", () => {
  const headers = new Headers({ "x-vercel-ip-country": "br", "x-vercel-ip-city": "S%C3%A3o%20Paulo" });

  it("give the place on Vercel, the city decoded", () => {
    expect(placeFromHeaders(headers, true)).toEqual({ city: "São Paulo", country: "BR" });
  });

  it("are anyone's to send anywhere else, so they count for nothing there", () => {
    expect(placeFromHeaders(headers, false)).toBeUndefined();
    expect(placeFromHeaders(new Headers({ "x-vercel-ip-country": "<script>" }), true)).toBeUndefined();
  });
});

describe("an operator's own MaxMind database (GEOIP_DB)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("is read instead of the shipped one, in MaxMind's own record layout", async () => {
    vi.stubEnv("GEOIP_DB", new URL("./location-fixtures/geolite2-city-test.mmdb", import.meta.url).pathname);
    vi.resetModules();
    const location = await import("./location");
    expect(await location.lookUpPlace("203.0.113.9")).toEqual({ city: "Berlin", country: "DE" });
    expect(await location.lookUpPlace("2001:db8::5")).toEqual({ city: null, country: "JP" });
    // Not in that file, though DB-IP's knows it.
    expect(await location.lookUpPlace("8.8.8.8")).toEqual({ city: null, country: null });
    expect(location.ATTRIBUTION?.text).toBe("Locations from MaxMind");
  });
});
