import mpmath as mp, json, sys
mp.mp.dps = 80
TWO=mp.mpf(2)
from gen import cheb_fit, horner
def intervals():
    out=[]
    for k in range(-2,3):
        for j in range(8):
            out.append((TWO**k*(1+mp.mpf(j)/8), TWO**k/8))
    for v in range(8,104): out.append((mp.mpf(v), mp.mpf(1)))
    return out
def F(v): return mp.erfc(mp.sqrt(v))
n=9; WIDE={0,1,2,3,4}
res=[]
for (a,w) in intervals():
    b1=a+w-w*TWO**-64
    Fa=F(a); e=0
    while Fa*TWO**e>=1: e-=1
    while Fa*TWO**(e+1)<1: e+=1
    f=lambda z,b1=b1,w=w,e=e: F(b1-w*z)*TWO**e
    c=cheb_fit(f,n)
    assert all(x>0 for x in c)
    res.append(dict(a=a,w=w,e=e,c=c,f=f))
g=[]
for k in range(n+1):
    mx=max(sum(r['c'][k:]) for r in res)
    gk=-1
    while mx*TWO**(gk+1)<1: gk+=1
    g.append(gk)
worst=0; fmin=1
for r in res:
    q=[]; qv=[]
    for k in range(n+1):
        W=64 if k in WIDE else 32
        v=int(mp.nint(r['c'][k]*TWO**(W+g[k]))); q.append(v); qv.append(mp.mpf(v)/TWO**(W+g[k]))
    # partial sums below 2^-g_k
    for k in range(n+1): assert sum(qv[k:])*TWO**g[k] < 1
    r['q']=q
    m=0
    for s in range(1201):
        z=mp.mpf(s)/1200; fz=r['f'](z); m=max(m,abs(horner(qv,z)-fz)/fz)
    r['err']=m; worst=max(worst,m); fmin=min(fmin, r['f'](0))
print('V32 g',g,'worst 2^%.2f'%float(mp.log(worst,2)),'fmin',float(fmin),file=sys.stderr)
# evaluation bound: absolute errors (units of 2^-(W+g_k)) summed; z_hi truncation at level 4 (Z_hi * P5)
# 32-bit levels 9..5: each floor 1 unit of 2^-(32+g_k); level 4: prod32 exact, shift floor 1 unit of 2^-(64+g4);
# levels 3..0: prod64 (<3 units of 2^-(64+g_{k+1})) then shift floor 1 unit 2^-(64+g_k)
ev=sum(TWO**-(32+g[k]) for k in range(5,9))  # levels 8..5 computed by steps (level 9 exact)
ev+=TWO**-(64+g[4]) + max(sum(r['q'][k]/TWO**(32+g[k]) for k in range(5,n+1)) for r in res)*TWO**-32  # z_hi trunc
for k in range(3,-1,-1): ev+= TWO**-(64+g[k]) + 3*TWO**-(64+g[k+1])
print('eval abs bound 2^%.2f'%float(mp.log(ev,2)),' rel (over fmin) 2^%.2f'%float(mp.log(ev/fmin,2)),file=sys.stderr)
words=[]
for r in res:
    for k in range(n+1):
        v=r['q'][k]
        if k in WIDE: words+= [v>>32, v&0xffffffff]
        else: words.append(v)
json.dump(dict(g=g,e=[r['e'] for r in res],words=words),open('V32.json','w'))
# gelu small series: (erf(y)/y)/(2 sqrt 2) as polynomial in zeta=4y^2
S=json.load(open('misc.json'))
def fS(z): return ((mp.erf(mp.sqrt(z)/2)/(mp.sqrt(z)/2)) if z>0 else 2/mp.sqrt(mp.pi))/(2*mp.sqrt(2))
n2=6
c=cheb_fit(fS,n2)
sg=[]
for k in range(n2+1):
    gk=-2
    while abs(c[k])*TWO**(gk+1)<1: gk+=1
    sg.append(gk)
q=[];qv=[]
for k in range(n2+1):
    W=64 if k<2 else 32
    v=int(mp.nint(abs(c[k])*TWO**(W+sg[k]))); q.append(v); qv.append((1 if c[k]>0 else -1)*mp.mpf(v)/TWO**(W+sg[k]))
m=0
for s in range(2001):
    z=mp.mpf(s)/2000; m=max(m,abs(horner(qv,z)-fS(z))/fS(z))
print('SG32 g',sg,'err 2^%.2f'%float(mp.log(m,2)), 'signs', [1 if x>0 else -1 for x in c],file=sys.stderr)
w=[q[0]>>32,q[0]&0xffffffff,q[1]>>32,q[1]&0xffffffff]+q[2:]
json.dump(dict(g=sg,words=w),open('SG32.json','w'))
