# Writes geolite2-city-test.mmdb, a MaxMind GeoLite2-City-shaped database of two documentation
# networks, for lib/location.test.ts: apt-get install libmaxmind-db-writer-perl, then
# perl lib/location-fixtures/write-test-db.pl lib/location-fixtures/geolite2-city-test.mmdb
use strict; use warnings;
use MaxMind::DB::Writer::Tree;
my %types = (
  city => 'map', names => 'map', en => 'utf8_string', de => 'utf8_string',
  country => 'map', iso_code => 'utf8_string', geoname_id => 'uint32',
);
my $tree = MaxMind::DB::Writer::Tree->new(
  ip_version => 6, record_size => 24, database_type => 'GeoLite2-City',
  languages => ['en'], description => { en => 'Bastion test city database in MaxMind GeoLite2-City layout' },
  map_key_type_callback => sub { $types{ $_[0] } },
  alias_ipv6_to_ipv4 => 1,
  remove_reserved_networks => 0,
);
$tree->insert_network('203.0.113.0/24', { city => { geoname_id => 2950159, names => { en => 'Berlin', de => 'Berlin' } }, country => { iso_code => 'DE', geoname_id => 2921044, names => { en => 'Germany', de => 'Deutschland' } } });
$tree->insert_network('2001:db8::/32', { country => { iso_code => 'JP', geoname_id => 1861060, names => { en => 'Japan' } } });
open my $fh, '>:raw', $ARGV[0] or die; $tree->write_tree($fh); close $fh;
