# Generator of the erf/erfc/gelu kernel tables (fpuless, kernels/erf.ts). mpmath, 110 digits.
import mpmath as mp, json, sys
mp.mp.dps = 110
TWO = mp.mpf(2)
def R(t): return mp.exp(t*t)*mp.erfc(t)

def intervals():
    out=[]
    for i in range(16): out.append((mp.mpf(i)/16, mp.mpf(1)/16))
    for k in range(4):
        for j in range(8):
            if k==3 and j>2: break
            out.append((TWO**k*(1+mp.mpf(j)/8), TWO**k/8))
    return out

def cheb_fit(f, n):
    # interpolant of degree n on z in [0,1] at Chebyshev nodes; monomial coefficients
    N=n+1
    zs=[(1+mp.cos(mp.pi*(k+mp.mpf(1)/2)/N))/2 for k in range(N)]
    ys=[f(z) for z in zs]
    A=mp.matrix([[z**j for j in range(N)] for z in zs])
    c=mp.lu_solve(A, mp.matrix(ys))
    return [c[j] for j in range(N)]

def horner(c, z):
    s=mp.mpf(0)
    for x in reversed(c): s=s*z+x
    return s

def fit_R(n, delta, nsamp):
    ivs=intervals()
    res=[]
    for (a,w) in ivs:
        b1=a+w-w*delta
        e=0
        Ra=R(a-w*delta*0)
        while Ra*TWO**e>=1: e-=1
        while Ra*TWO**(e+1)<1: e+=1
        f=lambda z,b1=b1,w=w,e=e: R(b1-w*z)*TWO**e
        c=cheb_fit(f,n)
        res.append(dict(a=a,w=w,b1=b1,e=e,c=c,f=f))
    return res

def quantize(res, n, wide_levels, word):
    # per-level scales g_k: P_k(1)*2^g_k < 1 for every interval; coefficient k stored as round(b_k*2^(W_k+g_k)),
    # W_k = 64 for wide levels, 32 otherwise
    g=[]
    for k in range(n+1):
        mx=max(sum(r['c'][k:]) for r in res)
        gk=0
        while mx*TWO**(gk+1)<1: gk+=1
        while mx*TWO**gk>=1: gk-=1
        g.append(gk)
    for r in res:
        q=[]
        for k in range(n+1):
            Wk=64 if k in wide_levels else 32
            q.append(int(mp.nint(r['c'][k]*TWO**(Wk+g[k]))))
        r['q']=q
        r['qv']=[mp.mpf(q[k])/TWO**((64 if k in wide_levels else 32)+g[k]) for k in range(n+1)]
    return g

def check(res, nsamp, label):
    worst=mp.mpf(0); wi=None
    for idx,r in enumerate(res):
        for k in range(len(r['c'])):
            if r['c'][k] < 0: print('NEGATIVE coefficient', label, idx, k, float(r['c'][k]), file=sys.stderr)
        m=mp.mpf(0)
        for s in range(nsamp+1):
            z=mp.mpf(s)/nsamp
            fz=r['f'](z)
            err=abs(horner(r['qv'],z)-fz)/fz
            if err>m: m=err
        r['apperr']=m
        if m>worst: worst=m; wi=idx
    print(label,'approx rel err max 2^%.2f at interval %d'%(float(mp.log(worst,2)),wi), file=sys.stderr)
    return worst

if __name__=='__main__':
    which=sys.argv[1]
    if which=='R32':
        n=int(sys.argv[2]) if len(sys.argv)>2 else 7
        res=fit_R(n, TWO**-32, 0)
        g=quantize(res,n,{0,1},32)
        check(res, 1200, 'R32')
        out=dict(g=g, e=[r['e'] for r in res], q=[r['q'] for r in res],
                 fmin=[float(r['f'](0)) for r in res], apperr=[float(r['apperr']) for r in res])
        json.dump(out, open('R32.json','w'))
        print('g',g, file=sys.stderr)
    if which=='R64':
        n=int(sys.argv[2]) if len(sys.argv)>2 else 13
        res=fit_R(n, TWO**-64, 0)
        g=quantize(res,n,set(range(n+1)),64)
        check(res, 1500, 'R64')
        out=dict(g=g, e=[r['e'] for r in res], q=[r['q'] for r in res],
                 fmin=[float(r['f'](0)) for r in res], apperr=[float(r['apperr']) for r in res])
        json.dump(out, open('R64.json','w'))
        print('g',g, file=sys.stderr)
