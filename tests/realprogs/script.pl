# Perl workload: hashes of arrays, references, closures, regexes, sort, a
# reference cycle that survives to exit.
use strict;
use warnings;

my %table;
for my $i (0 .. 2999) {
    push @{ $table{ sprintf "k%04d", $i % 700 } }, [$i, $i * $i, "v$i"];
}
my @keys = sort { scalar(@{ $table{$b} }) <=> scalar(@{ $table{$a} }) or $a cmp $b } keys %table;
my @adders = map { my $n = $_; sub { $_[0] + $n } } 0 .. 99;
my $text = join " ", map { "w$_" } 0 .. 499;
my @words = $text =~ /(w\d+5)\b/g;
my $ring = { name => "a" };
$ring->{next} = { name => "b", next => $ring };
my $sum = 0;
$sum += $_->(1) for @adders;
printf "%d %s %d %d %s\n", scalar(@keys), $keys[0], scalar(@words), $sum,
    $ring->{next}{next}{name};
