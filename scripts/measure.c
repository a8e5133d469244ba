/* measure REPORT CMD [ARGS...]: runs CMD and writes to REPORT its wall time
   and its CPU time (user + system) in seconds and its peak resident set in
   KB (wait4's ru_maxrss).  The benchmark scripts start commands through
   this small program because a process forked from the Python interpreter
   starts with the interpreter's resident set as its peak, which would hide
   the peak of small programs.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
   struct timespec t0, t1;
   struct rusage ru;
   int status;
   FILE *report;
   pid_t pid;

   if (argc < 3) {
      fprintf(stderr, "usage: measure REPORT CMD [ARGS...]\n");
      return 2;
   }
   report = fopen(argv[1], "w");
   if (!report) {
      perror(argv[1]);
      return 2;
   }
   clock_gettime(CLOCK_MONOTONIC, &t0);
   pid = fork();
   if (pid == 0) {
      execvp(argv[2], argv + 2);
      perror(argv[2]);
      _exit(127);
   }
   if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
      perror("measure");
      return 2;
   }
   clock_gettime(CLOCK_MONOTONIC, &t1);
   fprintf(report, "%.6f %.6f %ld\n",
           (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
           (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
              + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
           ru.ru_maxrss);
   fclose(report);
   return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
