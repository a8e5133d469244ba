#!/usr/bin/perl
# Reads a Valgrind XML file with Test::Valgrind's own parser
# (Test::Valgrind::Parser::XML::Twig, Debian's libtest-valgrind-perl), unchanged,
# and prints one line per error it reports:
#   kind <tab> leakedbytes <tab> leakedblocks <tab> top fn <tab> first fn file:line
#
# Test::Valgrind normally forks valgrind and parses its --xml-fd pipe inside
# Test::Valgrind::Session::run.  This driver does what run does around the parse
# (session start, parser->parse, session finish) on a file instead of the pipe;
# the session, the memcheck tool object, the parser and the report class are
# Test::Valgrind's own.  Only the action, which receives the reports, is ours.

use strict;
use warnings;

package ReadWithTestValgrind::Print;

use base qw<Test::Valgrind::Action>;

sub report {
 my ($self, $sess, $report) = @_;
 $self->SUPER::report($sess, $report);
 return if $report->is_diag;
 my $data  = $report->data;
 # frames are [ip, obj, fn, dir, file, line]
 my @stack = @{ $data->{stack} || [] };
 my ($sourced) = grep { defined $_->[4] } @stack;
 my $where = $sourced ? "$sourced->[2] $sourced->[4]:$sourced->[5]" : '-';
 print join("\t", $report->kind,
            map({ defined $_ ? $_ : '-' } @{$data}{qw<leakedbytes leakedblocks>}),
            @stack ? $stack[0][2] // '-' : '-', $where), "\n";
 return;
}

package main;

use Test::Valgrind::Session;
use Test::Valgrind::Tool;
use Test::Valgrind::Command;

binmode STDOUT, ':encoding(UTF-8)';

my $file = shift @ARGV;
die "usage: $0 FILE.xml\n" unless defined $file and not @ARGV;
open my $fh, '<', $file or die "$0: cannot open $file: $!\n";

my $sess = Test::Valgrind::Session->new(no_def_supp => 1, allow_no_supp => 1);
$sess->tool(Test::Valgrind::Tool->new(tool => 'memcheck'));
$sess->command(Test::Valgrind::Command->new(args => []));
$sess->action(ReadWithTestValgrind::Print->new);

$sess->start;
my $ok = eval { $sess->parser->parse($sess, $fh); 1 };
my $error = $@;
$sess->finish;
die $error unless $ok;
