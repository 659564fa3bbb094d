using System.Runtime.CompilerServices;

// The kernel's hot methods hold large structs (a project token is 128 bytes, a work item some 200)
// in locals and temporaries; by default the JIT zeroes all of them on entry (2.3 KB per service
// end), although C# never reads a local before assigning it. The kernel has no stackalloc and no
// unsafe code whose memory this would leave undefined.
[module: SkipLocalsInit]
