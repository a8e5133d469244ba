# Tcl workload: dicts, lists, arrays, procs, string and regexp commands.
proc fib {n} {
    if {$n < 2} { return $n }
    return [expr {[fib [expr {$n - 1}]] + [fib [expr {$n - 2}]]}]
}
set table [dict create]
for {set i 0} {$i < 3000} {incr i} {
    dict lappend table [format k%04d [expr {$i % 700}]] [list $i [expr {$i * $i}] v$i]
}
array set squares {}
foreach k [dict keys $table] {
    set squares($k) [llength [dict get $table $k]]
}
set text ""
for {set i 0} {$i < 500} {incr i} { append text "w$i " }
set words [regexp -all -inline {w\d+5\M} $text]
set keys [string map {k K} [join [lsort [array names squares]] ,]]
puts "[dict size $table] [array size squares] [string length $keys] [fib 18] [llength $words]"
